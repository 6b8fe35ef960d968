import Foundation
import PackagePlugin

/// Embeds files into a target as Swift source, so a built binary carries them: the
/// package's `Rules/` into AttuneBuiltIn (as `embeddedRuleFiles`), and a target's own
/// `Assets/` folder, when it has one (as `embeddedAssets`: templates, the web page).
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    /// The target that owns the rules; the others only embed their assets.
    static let rulesTarget = "AttuneBuiltIn"

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        var commands: [Command] = []
        if target.name == Self.rulesTarget {
            let rules = context.package.directoryURL.appending(path: "Rules")
            commands.append(try embed(rules, as: "embeddedRuleFiles", extensions: ["yaml", "yml"], context, target))
        }
        let assets = target.directoryURL.appending(path: "Assets")
        if FileManager.default.fileExists(atPath: assets.path) {
            commands.append(try embed(assets, as: "embeddedAssets", extensions: [], context, target))
        }
        return commands
    }

    /// A command that runs `attune-embed-files` over `folder`.
    private func embed(
        _ folder: URL, as variable: String, extensions: [String], _ context: PluginContext, _ target: Target
    ) throws -> Command {
        let output = context.pluginWorkDirectoryURL.appending(path: "\(variable).swift")
        return .buildCommand(
            displayName: "Embedding \(folder.lastPathComponent)/ into \(target.name)",
            executable: try context.tool(named: "attune-embed-files").url,
            arguments: [folder.path, variable, output.path] + extensions,
            inputFiles: files(below: folder, extensions: extensions),
            outputFiles: [output]
        )
    }

    /// The folder and its files, so that editing or adding one re-runs the embedding.
    private func files(below root: URL, extensions: [String]) -> [URL] {
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [URL] = [root]
        while let url = walker?.nextObject() as? URL {
            if extensions.isEmpty || extensions.contains(url.pathExtension) { files.append(url) }
        }
        return files
    }
}

import Foundation
import PackagePlugin

/// Embeds the package's `Rules/` folder into the target that uses this plugin.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding Rules/ into \(target.name)",
                executable: try context.tool(named: "attune-embed-rules").url,
                arguments: [rules.path, output.path],
                inputFiles: yamlFiles(below: rules),
                outputFiles: [output]
            )
        ]
    }

    /// The rule files, so that editing or adding one re-runs the embedding.
    private func yamlFiles(below root: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [URL] = [root]
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "yaml" || url.pathExtension == "yml" { files.append(url) }
        }
        return files
    }
}

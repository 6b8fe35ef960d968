import Foundation
import PackagePlugin

/// Compiles the package's `Rules/` into the CBuiltInRules target at build time (see
/// `Sources/CompileRules`): editing a rule file, or the compiler, compiles them again.
@main
struct CompileRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "compiled_rules.c")
        let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil)
        var inputs: [URL] = [rules]
        while let url = walker?.nextObject() as? URL {
            if ["yaml", "yml"].contains(url.pathExtension) { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Compiling Rules/ into \(target.name)",
                executable: try context.tool(named: "attune-compile-rules").url,
                arguments: [rules.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}

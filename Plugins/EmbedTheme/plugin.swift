import Foundation
import PackagePlugin

/// Compiles the repository's `templates/` folder into the target as a generated Swift source,
/// so the program carries its built-in theme. Runs again whenever a file under `templates/`
/// is added, changed or removed: the executable always holds what `templates/` holds at build time.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInThemeFiles.swift")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding the built-in theme (\(inputs.count) files of templates/)",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [templates.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}

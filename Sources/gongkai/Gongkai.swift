import ArgumentParser
import Foundation
import GongkaiModel

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Gongkai（公开）：政府信息公开网站生成器。把 content/ 中的文件和 templates/ 中的模板生成为 site/ 中的静态网站。",
        version: GongkaiVersion.current,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Theme.self, Import.self, Version.self],
        defaultSubcommand: Build.self)

    /// Parses and runs like ArgumentParser's own `main`, but every help screen, usage line and
    /// argument error is shown in Chinese (see `ChineseHelp`), and an editor's errors thrown
    /// while preparing a command are printed as diagnostics.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as DiagnosticError {
            DiagnosticPrinter.print(error.diagnostics)
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            let message = ChineseHelp.translate(fullMessage(for: error))
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}

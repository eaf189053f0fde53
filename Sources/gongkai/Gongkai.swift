import ArgumentParser

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Gongkai（公开）：政府信息公开网站生成器。把 content/ 中的文件和 templates/ 中的模板生成为 site/ 中的静态网站。",
        subcommands: [Build.self, Check.self, Serve.self, Import.self],
        defaultSubcommand: Build.self)
}

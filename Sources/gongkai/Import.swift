import ArgumentParser
import Foundation
import GongkaiIntake
import GongkaiModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把外部文件（Word、PDF、网页、文本）导入为网站内容。",
        subcommands: [ImportPlan.self, ImportDoc.self])
}

/// Flags shared by both import commands.
struct ImportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("内容目录。", valueName: "目录"))
    var content = "content"

    @Option(help: ArgumentHelp("放入哪个栏目（路径）。", valueName: "栏目"))
    var column: String?

    @Flag(help: "覆盖已存在的文件。")
    var force = false

    @Flag(name: .customLong("dry-run"), help: "只显示将要写入的文件和内容，不写入。")
    var dryRun = false

    /// Prepares an import of `file` (a plan notice or a policy document), printing its errors,
    /// then writes or shows what it prepared.
    func run(
        file: String, id: String?,
        prepare: (URL, String, URL, String, String?, String?) throws(DiagnosticError) -> PreparedImport
    ) throws {
        let prepared: PreparedImport
        do {
            prepared = try prepare(URL(fileURLWithPath: file), file, URL(fileURLWithPath: content), ProjectOptions.display(content), id, column)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }
        try finish(prepared)
    }

    /// Writes (or, with --dry-run, shows) what an import prepared; prints its report.
    func finish(_ prepared: PreparedImport) throws {
        DiagnosticPrinter.print(prepared.warnings)
        if dryRun {
            for file in prepared.files {
                print("将写入 \(content)/\(file.path)：")
                print(file.text)
            }
        } else {
            do {
                for path in try prepared.write(to: URL(fileURLWithPath: content), contentDisplay: ProjectOptions.display(content), force: force) {
                    print("已写入 \(path)")
                }
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                throw ExitCode(1)
            }
        }
        for line in prepared.report { print(line) }
    }
}

func validateID(_ id: String?) throws {
    guard let id else { return }
    guard !id.isEmpty, id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
        throw ValidationError("--id 只能由小写英文字母、数字和连字符组成，例如 hunan 或 shaoyang-city。")
    }
}

struct ImportPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "导入印发工作要点（方案、任务清单、任务分解表）的通知：生成通知文件（.md）和每份工作要点的数据文件（content/plans/*.yml）。",
        discussion: """
            支持 .docx、.pdf、.html/.htm（另存的网页）、.txt（UTF-8 或 GBK），以及装有 LibreOffice 时的 .doc/.wps。例如：
              gongkai import plan 通知.docx
              gongkai import plan 通知.txt --id hunan --dry-run
            不给 --id 时按地区名称的拼音生成编号（平潭综合实验区 → pingtan）。
            导入提示会列出需要核对的地方；原网页上的“当前位置”“访问量”等内容以注释形式保留在通知文件开头。
            """)

    @Argument(help: ArgumentHelp("通知全文所在的文件。", valueName: "文件"))
    var file: String

    @Option(help: ArgumentHelp("工作要点编号的前缀，用拼音或英文，如 hunan，生成 hunan-2023-zwgk。默认按地区名称生成。", valueName: "前缀"))
    var id: String?

    @OptionGroup var options: ImportOptions

    func validate() throws { try validateID(id) }

    func run() throws {
        try options.run(file: file, id: id, prepare: PlanImport.prepare)
    }
}

struct ImportDoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "导入一份政策文件（红头文件）：生成 content/<栏目>/<编号>.md，含标题、发文机关、文号、成文日期和 Markdown 正文。",
        discussion: """
            支持 .docx、.pdf、.html/.htm、.txt。例如：
              gongkai import doc 关于印发某某办法的通知.docx --column zcwj
            """)

    @Argument(help: ArgumentHelp("文件。", valueName: "文件"))
    var file: String

    @Option(help: ArgumentHelp("文件编号（文件名），用小写英文字母、数字和连字符。默认按地区、年份和文号生成。", valueName: "编号"))
    var id: String?

    @OptionGroup var options: ImportOptions

    func validate() throws { try validateID(id) }

    func run() throws {
        try options.run(file: file, id: id, prepare: DocImport.prepare)
    }
}

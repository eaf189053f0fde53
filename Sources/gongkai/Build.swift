import ArgumentParser
import Foundation
import GongkaiModel
import GongkaiOutput
import GongkaiSite

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成网站：检查内容和模板，全部通过后把网站写入输出目录（一次性替换，失败时原网站不变）。")

    @OptionGroup var project: ProjectOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("输出目录。", valueName: "目录"))
    var output = "site"

    @Flag(name: .shortAndLong, help: "只输出错误，不输出警告和统计。")
    var quiet = false

    @Flag(help: "完整重建：不使用上次构建的缓存，重新生成全部页面并整体替换输出目录。")
    var full = false

    @Option(
        name: .customLong("changed-list"),
        help: ArgumentHelp(
            "把与上次构建相比新增（A）、修改（M）、删除（D）的输出文件写入此文件，每行“状态<Tab>路径”，供只上传有变化的文件。",
            valueName: "文件"))
    var changedList: String?

    @Flag(help: "输出各阶段用时。")
    var timings = false

    @Flag(name: .shortAndLong, help: "列出每一个警告（默认每类警告只列第一处和数量）。")
    var verbose = false

    func run() throws {
        var options = try project.buildOptions(output: output)
        options.full = full
        if !quiet && isatty(STDERR_FILENO) != 0 { options.progress = ProgressLine.show }
        let report: BuildReport
        do {
            report = try SiteBuilder.build(options)
            ProgressLine.clear()
        } catch let error as DiagnosticError {
            ProgressLine.clear()
            DiagnosticPrinter.print(error.diagnostics, mode: verbose ? .all : .calm)
            throw ExitCode(1)
        }
        if let changedList {
            // CI feeds these lines to rsync and `rm -f` on the server.
            if let unsafe = report.changes.first(where: { !OutputPath.isSafe($0.path) }) {
                DiagnosticPrinter.print([
                    .error(
                        changedList,
                        "变更清单中的路径“\(unsafe.path)”不安全（\(OutputPath.problem(unsafe.path) ?? "")），没有写出清单。请用 --full 完整重建。")
                ])
                throw ExitCode(1)
            }
            let lines = report.changes.map { "\($0.change.rawValue)\t\($0.path)\n" }.joined()
            do {
                try Data(lines.utf8).write(to: URL(fileURLWithPath: changedList))
            } catch {
                DiagnosticPrinter.print([.error(changedList, "无法写入变更清单：\(error.localizedDescription)")])
                throw ExitCode(1)
            }
        }
        DiagnosticPrinter.print(report.warnings, quiet: quiet, mode: verbose ? .all : .calm)
        if timings {
            let lines =
                report.phases.map {
                    "  \($0.name)：\(String(format: "%.3f", $0.seconds)) 秒（处理器 \(String(format: "%.3f", $0.processor)) 秒，内存峰值 \($0.peakMemory / 1_048_576) MB）"
                }
                + ["  重新读取的文件：\(report.reread) 个", "  重新比对的页面：\(report.compared) 个"]
            FileHandle.standardError.write(Data((["各阶段用时："] + lines).joined(separator: "\n").appending("\n").utf8))
        }
        guard !quiet else { return }
        let inspection = report.inspection
        if inspection.justStarted && !inspection.blank.isEmpty {
            // A new site: the columns still to fill, calmly; gongkai check says what an inspector would.
            print("新网站还有 \(inspection.blank.count) 个栏目没有内容，正式上线前请在这些栏目中发布信息（运行 gongkai check 查看是哪些栏目）。")
        } else if !inspection.vetoRisks.isEmpty {
            print("单项否决风险：\(inspection.vetoRisks.joined(separator: "；"))（运行 gongkai check 查看完整检查结果）")
        }
        var summary = "共 \(report.pages) 个页面"
        summary += report.incremental ? "，重新生成 \(report.rendered) 个" : "，全部重新生成"
        summary += "；文件\(report.changeCounts)"
        summary += "；发布 \(report.published) 篇文件"
        if !report.withheld.isEmpty { summary += "（另有 \(report.withheld.count) 篇未发布）" }
        summary += "，用时 \(String(format: "%.2f", report.seconds)) 秒 → \(output)/"
        print(summary)
    }
}

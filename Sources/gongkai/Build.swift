import ArgumentParser
import Foundation
import GongkaiModel
import GongkaiSite

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成网站：检查内容和模板，全部通过后把网站写入输出目录（一次性替换，失败时原网站不变）。")

    @OptionGroup var project: ProjectOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("输出目录。", valueName: "目录"))
    var output = "site"

    @Flag(name: .shortAndLong, help: "只输出错误，不输出警告和统计。")
    var quiet = false

    @Flag(help: "完整重建：不使用上次构建的缓存。")
    var full = false

    @Flag(help: "输出各阶段用时。")
    var timings = false

    func run() throws {
        let report: BuildReport
        do {
            report = try SiteBuilder.build(try project.buildOptions(output: output))
        } catch let error as DiagnosticError {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }
        DiagnosticPrinter.print(report.warnings, quiet: quiet)
        if timings {
            let lines = report.phases.map { "  \($0.name)：\(String(format: "%.3f", $0.seconds)) 秒" }
            FileHandle.standardError.write(Data((["各阶段用时："] + lines).joined(separator: "\n").appending("\n").utf8))
        }
        guard !quiet else { return }
        if !report.inspection.vetoRisks.isEmpty {
            print("单项否决风险：\(report.inspection.vetoRisks.joined(separator: "；"))（运行 gongkai check 查看完整检查结果）")
        }
        var summary = "已生成 \(report.pages) 个页面，复制 \(report.copied) 个文件，发布 \(report.published) 篇文件"
        if !report.withheld.isEmpty { summary += "（另有 \(report.withheld.count) 篇未发布）" }
        summary += "，用时 \(String(format: "%.2f", report.seconds)) 秒 → \(output)/"
        print(summary)
    }
}

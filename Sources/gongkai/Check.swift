import ArgumentParser
import Foundation
import GongkaiChecks
import GongkaiModel
import GongkaiSite

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "发布前检查：个人信息、网页代码、失效链接、不应公开的文件等错误，以及栏目更新、空白栏目、政策解读、工作要点逾期等检查指标。有错误时以非零状态退出，不生成网站。")

    @OptionGroup var project: ProjectOptions

    @Flag(help: "以 JSON 格式输出全部结果，供 CI 使用。")
    var json = false

    func run() throws {
        let prepared: PreparedBuild
        let options: BuildOptions
        do {
            options = try project.buildOptions(output: "site")
            prepared = try SiteBuilder.prepare(options)
        } catch let error as DiagnosticError {
            report(error.diagnostics, inspection: nil)
            throw ExitCode(1)
        }
        let diagnostics = Diagnostic.ordered(prepared.warnings + SiteBuilder.renderCheck(prepared, options: options))
        report(diagnostics, inspection: prepared.inspection)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    private func report(_ diagnostics: [Diagnostic], inspection: Inspection?) {
        if json {
            print(CheckJSON.render(diagnostics, inspection: inspection))
            return
        }
        DiagnosticPrinter.print(diagnostics, mode: .all)
        if let inspection { print(inspection.summary.joined(separator: "\n")) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors == 0 {
            print("检查完成：没有错误，\(diagnostics.count) 个警告。")
        }
    }
}

/// The machine-readable form of a check, for CI.
enum CheckJSON {
    static func render(_ diagnostics: [Diagnostic], inspection: Inspection?) -> String {
        var object: [String: Any] = [
            "errors": diagnostics.filter { $0.severity == .error }.count,
            "warnings": diagnostics.filter { $0.severity == .warning }.count,
            "diagnostics": diagnostics.map { diagnostic -> [String: Any] in
                var entry: [String: Any] = ["severity": diagnostic.severity.rawValue, "message": diagnostic.message]
                if let file = diagnostic.file { entry["file"] = file }
                if let line = diagnostic.line { entry["line"] = line }
                if let rule = diagnostic.rule { entry["rule"] = rule }
                if let indicator = diagnostic.indicator { entry["indicator"] = indicator.name }
                return entry
            },
        ]
        if let inspection {
            object["inspection"] = [
                "asOf": inspection.asOf.iso,
                "latestUpdate": inspection.latest?.iso as Any,
                "homeStale": inspection.homeStale,
                "staleColumns": inspection.stale.map { ["path": $0.column.path, "title": $0.column.title, "latest": $0.latest?.iso as Any, "days": $0.days as Any] },
                "blankColumns": inspection.blank.map { ["path": $0.path, "title": $0.title] },
                "vetoRisks": inspection.vetoRisks,
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

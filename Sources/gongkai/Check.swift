import ArgumentParser
import Foundation
import GongkaiModel
import GongkaiSite

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "只检查内容和模板，不生成网站。有错误时以非零状态退出。")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        do {
            let prepared = try SiteBuilder.prepare(try project.buildOptions(output: "site"))
            DiagnosticPrinter.print(prepared.warnings)
            let published = prepared.plan.factory.published
            print("检查通过：\(published.documents.count) 篇文件将发布，\(published.withheld.count) 篇不发布，\(prepared.warnings.count) 个警告。")
        } catch let error as DiagnosticError {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

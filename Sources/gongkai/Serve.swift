import ArgumentParser
import Dispatch
import Foundation
import GongkaiModel
import GongkaiServe
import GongkaiSite

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "本地预览：生成网站并在本机打开，内容、模板或网站配置保存后自动重新生成，浏览器中打开的页面自动刷新。",
        discussion: """
            例如在项目文件夹中运行 gongkai serve，然后用浏览器打开 http://127.0.0.1:8000/。
            生成失败时，浏览器显示错误页面（写明文件和行号），预览中仍是上次成功生成的网站；改正并保存后自动恢复。
            自动刷新用的脚本只在预览时加入页面，不会写入输出目录。按 Ctrl+C 停止。
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("输出目录。", valueName: "目录"))
    var output = "site"

    @Option(help: ArgumentHelp("监听的地址。默认 127.0.0.1，只有本机可以访问；0.0.0.0 让同一局域网的电脑和手机也能打开。", valueName: "地址"))
    var host = "127.0.0.1"

    @Option(name: .shortAndLong, help: ArgumentHelp("端口。", valueName: "端口"))
    var port: UInt16 = 8000

    func run() throws {
        var options = try project.buildOptions(output: output)
        if isatty(STDERR_FILENO) != 0 { options.progress = ProgressLine.show }
        let printer = BuildPrinter()
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let host = host
        let port = port
        Task {
            do {
                let server = try await PreviewServer.start(options: options, host: host, port: port, onBuild: printer.report)
                for warning in server.watchWarnings { DiagnosticPrinter.write(["警告：\(warning)"]) }
                if host != "127.0.0.1" && host != "localhost" && host != "::1" {
                    print("注意：预览对 \(host) 上的其他设备开放，同一网络中的人都可以访问。")
                }
                print("预览地址：\(await server.url())（按 Ctrl+C 停止）")
                fflush(nil)
                StopSignal.install { Task { await server.stop() } }
                try await server.wait()
            } catch let error as PreviewServer.StartError {
                failure.message = error.description
            } catch is CancellationError {
            } catch {
                failure.message = "预览服务器出错：\(error.localizedDescription)"
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            DiagnosticPrinter.write(["错误：\(message)"])
            throw ExitCode(1)
        }
        print("预览已停止。")
    }
}

/// Prints what each preview build did, with the time, on one line (diagnostics on standard error).
/// Warnings are listed in full once, by the first good build; later lines say when their number changes.
private final class BuildPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var builds = 0
    /// Warnings of the last good build; nil before the first.
    private var warnings: Int?

    func report(_ outcome: PreviewSession.Outcome) {
        lock.lock()
        defer { lock.unlock() }
        ProgressLine.clear()
        builds += 1
        var line = "[\(Self.clock())] "
        switch outcome {
        case .succeeded(let report, let files):
            if builds == 1 {
                line += "已生成：共 \(report.pages) 个页面，发布 \(report.published) 篇文件"
            } else {
                line += Self.changed(files) + "已重新生成："
                line += report.changes.isEmpty ? "没有文件变化" : "\(report.changes.count) 个文件有变化（\(report.changeCounts)）"
            }
            if let warnings, warnings != report.warnings.count {
                line += "，警告 \(warnings) → \(report.warnings.count) 个（运行 gongkai check 查看）"
            }
            line += "，用时 \(String(format: "%.2f", report.seconds)) 秒"
            if warnings == nil { DiagnosticPrinter.print(report.warnings) }
            warnings = report.warnings.count
            print(line)
        case .failed(let diagnostics, let files):
            print(line + Self.changed(files) + "生成失败：")
            fflush(nil)
            // Errors only: the warnings are on the error page, and in `gongkai check`.
            DiagnosticPrinter.print(diagnostics.filter { $0.severity == .error })
            DiagnosticPrinter.write([
                warnings == nil
                    ? "浏览器中显示错误页面；修改保存后会自动重新生成。"
                    : "预览中仍是上次成功生成的网站，浏览器中显示错误页面；修改保存后会自动重新生成。"
            ])
        }
        fflush(nil)
    }

    private static func changed(_ files: [String]) -> String {
        guard let firstFile = files.first else { return "" }
        return files.count == 1 ? "\(firstFile) 有改动，" : "\(firstFile) 等 \(files.count) 处有改动，"
    }

    private static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}

/// Carries a start-up error out of the server's task.
private final class FailureBox: @unchecked Sendable {
    var message: String?
}

/// Ctrl+C (SIGINT) and SIGTERM stop the preview cleanly; a second Ctrl+C ends it at once.
private enum StopSignal {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []
    /// Touched only on `queue`.
    nonisolated(unsafe) static var stopping = false
    static let queue = DispatchQueue(label: "gongkai.signals")

    static func install(_ stop: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stopping { exit(130) }
                stopping = true
                print("\n正在停止预览……")
                stop()
            }
            source.resume()
            sources.append(source)
        }
    }
}

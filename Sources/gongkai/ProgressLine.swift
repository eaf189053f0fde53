import Foundation

/// The one-line progress of a long build on a terminal: rewritten in place with `\r`.
enum ProgressLine {
    @Sendable static func show(done: Int, total: Int) {
        let percent = total == 0 ? 100 : done * 100 / total
        FileHandle.standardError.write(Data("\r\u{1B}[K正在生成页面：\(done)/\(total)（\(percent)%）".utf8))
    }

    /// Erases the line, so that what follows starts on a clean one.
    static func clear() {
        guard isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

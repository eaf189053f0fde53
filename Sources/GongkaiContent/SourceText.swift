import Foundation
import GongkaiModel

/// Reads a content file as UTF-8 text: strips a byte-order mark, normalises line endings,
/// and explains non-UTF-8 files (usually GBK from older Windows editors) instead of guessing.
public enum SourceText {
    public static func read(_ url: URL, display: String) -> Result<String, Diagnostic> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(.error(display, "无法读取文件：\(error.localizedDescription)"))
        }
        return decode(data, display: display)
    }

    public static func decode(_ data: Data, display: String) -> Result<String, Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = firstInvalidLine(bytes)
            return .failure(
                .error(
                    display, line: line,
                    "文件不是 UTF-8 编码（从第 \(line) 行起无法识别），很可能是 GBK/GB2312 编码。"
                        + "请在编辑器中“另存为 UTF-8”，或运行：iconv -f GBK -t UTF-8 '\(display)' -o '\(display).utf8' 后替换原文件。"))
        }
        if bytes.contains(13) {
            return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        }
        return .success(text)
    }

    /// 1-based line of the first byte sequence that is not valid UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            guard index + length <= bytes.count else { return line }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return line
            }
            if length > 1, String(validating: bytes[index..<index + length], as: UTF8.self) == nil {
                return line
            }
            index += length
        }
        return line
    }
}

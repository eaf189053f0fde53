import Foundation
import GongkaiModel

#if canImport(Glibc)
    import Glibc
#endif

/// Turns the bytes of a text file into text: UTF-8 (with or without a byte-order mark),
/// UTF-16 with a byte-order mark, or GBK/GB18030 (what older Windows editors save), which is
/// detected and converted with a notice. A file that is not text at all is an error.
public enum TextDecoding {
    public enum Outcome: Sendable {
        case text(String, notice: String?)
        case failure(String)
    }

    public static func decode(_ data: Data) -> Outcome {
        var bytes = [UInt8](data)
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure("文件是空的，没有可导入的文字。")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            var index = 2
            while index + 1 < bytes.count {
                units.append(little ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return .text(normalised(String(decoding: units, as: UTF16.self)), notice: "文件是 UTF-16 编码，已按 UTF-16 读取。")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if looksBinary(bytes) {
            return .failure("文件不是文本文件（含有大量控制字符，可能是 Word、PDF 或图片文件改了扩展名）。请用原来的扩展名（.docx、.pdf、.html）导入，或把文字复制到 UTF-8 文本文件中。")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .text(normalised(text), notice: nil)
        }
        if let converted = convert(bytes, from: "GB18030", to: "UTF-8"), let text = String(validating: converted, as: UTF8.self) {
            return .text(normalised(text), notice: "文件不是 UTF-8 编码，已按 GBK/GB18030 编码读取并转换；请核对导入结果中的文字是否正常。")
        }
        return .failure("文件既不是 UTF-8 编码，也不是 GBK/GB18030 编码，无法识别其中的文字。请在编辑器中“另存为 UTF-8”后重新导入。")
    }

    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{0C}", with: "\n")
    }

    /// NUL bytes, or more than one control character in a hundred: not text.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(65_536)
        var control = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09, byte != 0x0C { control += 1 }
        }
        return control * 100 > sample.count
    }

    /// UTF-8 text in another encoding (for tests and tools).
    public static func convertFromUTF8(_ text: String, to encoding: String) -> Data? {
        let handle = iconv_open(encoding, "UTF-8")
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        iconv_close(handle)
        return convert(Array(text.utf8), from: "UTF-8", to: encoding).map { Data($0) }
    }

    /// Converts with glibc's iconv; nil when the bytes are not valid in the encoding.
    static func convert(_ bytes: [UInt8], from encoding: String, to target: String) -> [UInt8]? {
        let handle = iconv_open(target, encoding)
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(handle) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output[0..<produced])
    }
}

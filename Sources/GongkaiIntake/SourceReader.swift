import Foundation
import GongkaiModel

/// Reads an input file of any supported format into blocks, by its extension.
public enum SourceReader {
    /// Larger files are not notices: refused before they are read.
    public static let sizeLimit = 64 * 1024 * 1024

    public static func read(_ url: URL, display: String) -> Result<BlockDocument, Diagnostic> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue else {
            return .failure(.error(display, "无法读取文件：文件不存在或没有读取权限。"))
        }
        if size > sizeLimit {
            return .failure(.error(display, "文件有 \(size / 1024 / 1024) MB，超过导入上限 \(sizeLimit / 1024 / 1024) MB，不像是一份通知。请确认选对了文件；如果是扫描件或带大量图片的文件，请另存为只含文字的 .docx 或 .txt 后再导入。"))
        }
        if size == 0 {
            return .failure(.error(display, "文件是空的，没有可导入的文字。"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(.error(display, "无法读取文件：\(error.localizedDescription)"))
        }
        return read(data, extension: url.pathExtension.lowercased(), display: display, url: url)
    }

    /// Reads bytes as the format named by `ext` (txt, docx, html, pdf…).
    public static func read(_ data: Data, extension ext: String, display: String, url: URL? = nil) -> Result<BlockDocument, Diagnostic> {
        do {
            switch ext {
            case "docx":
                return .success(try DocxReader.read(data))
            case "html", "htm", "shtml", "xhtml":
                return .success(try HTMLReader.read(data))
            case "pdf":
                return .success(try PDFReader.read(data))
            case "doc", "wps":
                return .success(try LegacyWord.read(data, ext: ext))
            default:
                switch TextDecoding.decode(data) {
                case .failure(let message):
                    return .failure(.error(display, message))
                case .text(let text, let notice):
                    var document = TextBlocks.read(text)
                    if let notice { document.notes.insert(ImportNote(line: 1, message: notice), at: 0) }
                    return .success(document)
                }
            }
        } catch let error as IntakeError {
            return .failure(.error(display, line: error.line, error.message))
        } catch {
            return .failure(.error(display, "无法读取文件：\(error)"))
        }
    }
}

/// A file that cannot be read, with a Chinese message saying why and what to do.
public struct IntakeError: Error, Sendable {
    public var message: String
    public var line: Int?

    public init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }
}

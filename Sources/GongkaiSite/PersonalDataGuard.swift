import Foundation
import GongkaiChecks
import GongkaiContent
import GongkaiModel

/// The personal-data check of a build, run over everything that reaches the output rather than
/// field by field: every page, feed, sitemap, CSV download and search-index file as written,
/// every output path (a number in 网址名 lands in the URL), and every published attachment
/// (text, CSV, Word/Excel XML, PDF text). A number found there is traced back to the content
/// files it came from, read the same way (`PersonalDataScanner`), so the error names the file
/// and line to fix; a number found only in a document that says 允许个人信息: 是 is allowed.
struct PersonalDataGuard {
    /// One number found in one output.
    struct Exposure: Sendable {
        let output: String
        let hit: PersonalDataScanner.Hit
    }

    let contentDirectory: URL
    let contentDisplay: String
    let outputDisplay: String
    let site: Site

    /// What a page or index file exposes: its text (when written in this build) and its path.
    static func scan(path: String, text: String?) -> [Exposure] {
        var hits = PersonalDataScanner.scan(path, format: .text)
        if let text { hits += PersonalDataScanner.scan(text, format: PersonalDataScanner.format(ofFile: path)) }
        return hits.map { Exposure(output: path, hit: $0) }
    }

    /// Errors for the exposures, at the content lines the numbers come from.
    func diagnostics(_ exposures: [Exposure]) -> [Diagnostic] {
        guard !exposures.isEmpty else { return [] }
        let sources = sourceLines()
        let allowed = Set(site.documents.filter(\.allowsPersonalData).map(\.file))
        var byNumber: [String: (kind: PersonalData.Kind, outputs: Set<String>)] = [:]
        for exposure in exposures {
            byNumber[exposure.hit.number, default: (exposure.hit.kind, [])].outputs.insert(exposure.output)
        }
        var diagnostics: [Diagnostic] = []
        for (number, found) in byNumber.sorted(by: { $0.key < $1.key }) {
            let places = sources[number] ?? []
            let outputs = found.outputs.sorted()
            let shown = outputs.prefix(3).map { "\(outputDisplay)/\($0)" }.joined(separator: "、") + (outputs.count > 3 ? " 等 \(outputs.count) 个文件" : "")
            if places.isEmpty {
                diagnostics.append(
                    .error(
                        "\(outputDisplay)/\(outputs[0])",
                        "生成的 \(shown) 中有疑似\(found.kind.rawValue)（\(PersonalData.masked(number))），在内容文件中找不到原样的写法（可能由几处内容拼接而成，或来自模板）。请检查并删除。",
                        rule: "personal-data"))
                continue
            }
            let blamed = places.filter { !allowed.contains($0.file) }
            for place in blamed {
                let allowHint =
                    place.file.hasSuffix(".md") && !place.file.hasPrefix("\(contentDisplay)/faq/")
                    ? "；确需公开的，在文件开头写“允许个人信息: 是”" : ""
                diagnostics.append(
                    .error(
                        place.file, line: place.line,
                        "有疑似\(found.kind.rawValue)（\(PersonalData.masked(number))），会出现在发布的 \(shown) 中。公开的内容不得包含个人信息，请删除或打码（如 138****5678）\(allowHint)。",
                        rule: "personal-data"))
            }
        }
        return diagnostics
    }

    /// Every number in the content files (as a reader would see it), with where it is written.
    private func sourceLines() -> [String: [(file: String, line: Int)]] {
        var found: [String: [(file: String, line: Int)]] = [:]
        for path in FileTree.files(under: contentDirectory.path) ?? [] {
            let lowered = path.lowercased()
            let format: PersonalDataScanner.Format
            if lowered.hasSuffix(".md") || lowered.hasSuffix(".yml") || lowered.hasSuffix(".yaml") { format = .source } else if lowered.hasSuffix(".csv") { format = .text } else { format = .text }
            let display = "\(contentDisplay)/\(path)"
            // The path itself: a number in a file name reaches the URL.
            for hit in PersonalDataScanner.scan(path, format: .text) { found[hit.number, default: []].append((display, 1)) }
            guard format == .source || lowered.hasSuffix(".csv") || lowered.hasSuffix(".txt"),
                let data = FileManager.default.contents(atPath: contentDirectory.appendingPathComponent(path).path)
            else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for hit in PersonalDataScanner.scan(text, format: format) {
                found[hit.number, default: []].append((display, hit.line))
            }
        }
        return found
    }

    // MARK: Attachments

    /// Errors and warnings for the personal data in published files copied from `content/`.
    func attachmentDiagnostics(_ files: [(path: String, personalDataAllowed: Bool)]) -> [Diagnostic] {
        files.parallelMap { file -> [Diagnostic] in
            guard !file.personalDataAllowed else { return [] }
            let display = "\(contentDisplay)/\(file.path)"
            switch AttachmentText.read(contentDirectory.appendingPathComponent(file.path).path) {
            case .none:
                return []
            case .missingTool(let reason):
                return [.error(display, "无法检查这个附件中的个人信息：\(reason)。检查之前不会发布。", rule: "attachment-unchecked")]
            case .failure(let reason):
                return [
                    .warning(
                        display, "无法读取这个附件中的文字（\(reason)），没有检查其中的个人信息。请人工核对后再发布。",
                        rule: "attachment-unchecked")
                ]
            case .text(let text, let format, let lined):
                return PersonalDataScanner.scan(text, format: format).map { hit in
                    .error(
                        display, line: lined ? hit.line : nil,
                        "附件中有疑似\(hit.kind.rawValue)（\(PersonalData.masked(hit.number))）。公开的附件不得包含个人信息，请删除或打码后重新保存附件；确需公开的，在列出它的文件开头写“允许个人信息: 是”。",
                        rule: "personal-data")
                }
            }
        }.flatMap { $0 }
    }
}

/// The text of an attachment as a reader would find it: text and CSV files as they are,
/// Word/Excel/PowerPoint (and OpenDocument) files by the XML inside them (`unzip`), PDF by its
/// text layer (`pdftotext`, Debian's poppler-utils). Images and other binary files have no text.
enum AttachmentText {
    enum Result {
        case none
        case text(String, PersonalDataScanner.Format, lined: Bool)
        case failure(String)
        /// The tool that reads this kind of file is not installed: the file cannot be checked.
        case missingTool(String)
    }

    static let textTypes: Set<String> = ["txt", "csv", "md", "htm", "html", "xml", "json", "tsv", "rtf"]
    static let zipTypes: Set<String> = ["docx", "xlsx", "pptx", "odt", "ods", "odp", "wps", "et"]
    static let unreadable: Set<String> = ["doc", "xls", "ppt", "zip", "rar", "7z"]

    static func read(_ path: String) -> Result {
        let type = (path as NSString).pathExtension.lowercased()
        if textTypes.contains(type) {
            guard let data = FileManager.default.contents(atPath: path) else { return .failure("无法打开文件") }
            let text = String(decoding: data, as: UTF8.self)
            return .text(text, type == "htm" || type == "html" || type == "xml" ? .markup : .text, lined: true)
        }
        if zipTypes.contains(type) {
            // Only the XML parts hold text; -p writes them to stdout, -qq keeps it quiet.
            guard let output = run("unzip", ["-p", "-qq", path, "*.xml"]) else {
                return .missingTool("需要 unzip 读取 Office 文件中的文字；请安装 Debian 软件包 unzip（apt-get install unzip）")
            }
            guard output.status == 0 || output.status == 11, !output.data.isEmpty else { return .failure("文件已损坏或不是 Office 文件") }
            return .text(String(decoding: output.data, as: UTF8.self), .officeXML, lined: false)
        }
        if type == "pdf" {
            guard let output = run("pdftotext", ["-q", "-enc", "UTF-8", path, "-"]) else {
                return .missingTool("需要 pdftotext 读取 PDF 的文字；请安装 Debian 软件包 poppler-utils（apt-get install poppler-utils）")
            }
            guard output.status == 0 else { return .failure("PDF 已损坏或已加密") }
            return .text(String(decoding: output.data, as: UTF8.self), .text, lined: false)
        }
        if unreadable.contains(type) { return .failure("旧版 Office 或压缩文件的内容无法检查，建议另存为 .docx、.xlsx 或 PDF") }
        return .none
    }

    /// Runs a tool found on PATH (nil when it is not installed), with its output.
    static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, data: Data)? {
        let search = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let executable = (search.map { "\($0)/\(tool)" } + ["/usr/bin/\(tool)"]).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}

import Foundation
import GongkaiModel

/// The files of a document's 附件 list, where the input has them: an attachment embedded in
/// the Word file, a file the document links to (Word hyperlink, `<a href>`) saved beside the
/// input, or a file beside the input named as the list names it. What is not found stays a
/// comment for the editor.
enum AttachmentFinder {
    struct Attached {
        var title: String
        /// The name it is saved under, in the document's folder.
        var file: String
        var data: Data
        /// Where it came from, for the report: 嵌入在 Word 文档中, 原文链接 附件1.pdf…
        var source: String
    }

    static func find(_ document: ImportedDocument, beside folder: URL, input: URL) -> (attached: [Attached], missing: [String]) {
        let fileManager = FileManager.default
        let inputPath = input.standardizedFileURL.path
        let neighbours = ((try? fileManager.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isRegularFileKey])) ?? [])
            .filter { $0.standardizedFileURL.path != inputPath && !$0.lastPathComponent.hasPrefix(".") }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .prefix(2000)
        var embedded = document.files.filter { !$0.isImage }
        var attached: [Attached] = []
        var missing: [String] = []
        var used: Set<String> = []

        func read(_ url: URL) -> Data? {
            guard !used.contains(url.standardizedFileURL.path),
                let size = (try? fileManager.attributesOfItem(atPath: url.path))?[.size] as? NSNumber,
                size.intValue > 0, size.intValue <= SourceReader.sizeLimit
            else { return nil }
            return try? Data(contentsOf: url)
        }
        func add(_ title: String, name: String, data: Data, source: String) {
            var file = safeName(name) ?? "attachment\(attached.count + 1)" + safeExtension(name)
            let taken = Set(attached.map(\.file))
            if taken.contains(file) { file = "\(attached.count + 1)-" + file }
            attached.append(Attached(title: title, file: file, data: data, source: source))
        }

        for name in document.attachments {
            let key = TextCleaner.squeezed(name)
            let stem = { (path: String) in TextCleaner.squeezed(((path as NSString).lastPathComponent as NSString).deletingPathExtension) }
            // 1. A link of the document to a file saved beside it.
            let link = document.links.first { link in
                let text = TextCleaner.squeezed(link.text)
                return (text.count >= 2 && (text.contains(key) || key.contains(text))) || stem(link.target) == key
            }
            if let link, let url = local(link.target, in: folder), let data = read(url) {
                used.insert(url.standardizedFileURL.path)
                add(name, name: url.lastPathComponent, data: data, source: "原文链接 \(link.target)，取自 \(url.lastPathComponent)")
                continue
            }
            // 2. A file beside the input named as the list names it.
            if let url = neighbours.first(where: { !used.contains($0.standardizedFileURL.path) && (stem($0.path) == key || (key.count >= 4 && stem($0.path).contains(key))) }),
                let data = read(url)
            {
                used.insert(url.standardizedFileURL.path)
                add(name, name: url.lastPathComponent, data: data, source: "取自导入文件旁的 \(url.lastPathComponent)")
                continue
            }
            // 3. The next file embedded in the Word document.
            if !embedded.isEmpty {
                let file = embedded.removeFirst()
                add(name, name: file.name, data: file.data, source: "嵌入在原文第 \(file.line) 段")
                continue
            }
            missing.append(name)
        }
        for file in embedded {
            add((file.name as NSString).deletingPathExtension, name: file.name, data: file.data, source: "嵌入在原文第 \(file.line) 段")
        }
        return (attached, missing)
    }

    /// A link target that names a local file: relative (附件1.pdf, files/附件1.pdf) or file://,
    /// looked up beside the input, then by its last name beside the input.
    static func local(_ target: String, in folder: URL) -> URL? {
        var path = target
        if path.hasPrefix("file://") {
            path = String(path.dropFirst("file://".count))
        } else if path.contains("://") || path.hasPrefix("mailto:") || path.hasPrefix("javascript:") || path.hasPrefix("data:") {
            return nil
        }
        path = path.split(separator: "?").first.map(String.init) ?? path
        path = path.replacingOccurrences(of: "\\", with: "/")
        guard !path.isEmpty else { return nil }
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if !path.hasPrefix("/"), !path.split(separator: "/").contains("..") { candidates.append(folder.appendingPathComponent(path)) }
        let last = (path as NSString).lastPathComponent
        if !last.isEmpty { candidates.append(folder.appendingPathComponent(last)) }
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// A name a content folder and a URL can hold as it is: no folders, no control
    /// characters, no leading dot, nothing URLPolicy refuses; nil otherwise.
    static func safeName(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100, !trimmed.hasPrefix("."),
            !trimmed.contains(where: { "/\\:*?\"<>|#%".contains($0) || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }),
            URLPolicy.check(trimmed) == .relative
        else { return nil }
        return trimmed
    }

    /// `.png` of `图 1.png`, when it is a plain extension; else nothing.
    static func safeExtension(_ name: String) -> String {
        let ext = (name as NSString).pathExtension.lowercased()
        guard !ext.isEmpty, ext.count <= 5, ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return "" }
        return "." + ext
    }
}

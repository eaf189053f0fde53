import Foundation
import GongkaiModel

/// Documents that could not be read because of an error of their own. A reference to one of
/// them is reported as "the target has an error" (naming it), not as a missing file, so that
/// one mistake does not look like several.
struct BrokenTargets {
    /// Rule of the follow-on diagnostics; they are printed after the errors that cause them.
    static let rule = "target-has-error"

    private var byID: [String: String] = [:]
    /// 文号 and 索引号 as written in each broken file's lines, normalised → its display path.
    private var byNumber: [String: String] = [:]
    let contentDisplay: String

    init(contentDisplay: String) { self.contentDisplay = contentDisplay }

    mutating func add(path: String, text: String?) {
        guard path.hasSuffix(".md") else { return }
        let display = "\(contentDisplay)/\(path)"
        byID[String(path.dropLast(3))] = display
        guard let text else { return }
        let keys = Set(["doc_no", "index_no"].flatMap { [$0] + FieldSchema.document[$0].chineseKeys })
        for line in text.split(separator: "\n").prefix(60) {
            guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'“”"))
            if !value.isEmpty { byNumber[DocumentLookup.normalisedNumber(value)] = display }
        }
    }

    var isEmpty: Bool { byID.isEmpty }

    /// The broken file a reference names, if it names one.
    func find(_ text: String) -> String? {
        var key = text
        if key.hasPrefix("\(contentDisplay)/") { key.removeFirst(contentDisplay.count + 1) }
        if key.hasPrefix("/") { key.removeFirst() }
        if key.hasSuffix(".md") { key.removeLast(3) }
        return byID[key] ?? byNumber[DocumentLookup.normalisedNumber(key)]
    }
}

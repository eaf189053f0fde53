import GongkaiModel

/// Finds a document by what an editor writes to refer to it: its path under `content/` (with
/// or without `.md`), its 文号 (bracket style and spaces ignored) or its 索引号.
struct DocumentLookup {
    enum Result {
        case found(String)
        case ambiguous([String])
        case missing
    }

    private var byID: [String: String] = [:]
    private var byNumber: [String: [String]] = [:]
    private var byIndex: [String: String] = [:]
    let contentDisplay: String

    init(documents: [Document], contentDisplay: String) {
        self.contentDisplay = contentDisplay
        for document in documents {
            byID[document.id] = document.id
            if let number = document.docNumber { byNumber[Self.normalisedNumber(number), default: []].append(document.id) }
            byIndex[document.indexNumber] = document.id
        }
    }

    func find(_ text: String) -> Result {
        var key = text
        if key.hasPrefix("\(contentDisplay)/") { key.removeFirst(contentDisplay.count + 1) }
        if key.hasPrefix("/") { key.removeFirst() }
        if key.hasSuffix(".md") { key.removeLast(3) }
        if let id = byID[key] ?? byIndex[key] { return .found(id) }
        guard let matches = byNumber[Self.normalisedNumber(key)] else { return .missing }
        return matches.count == 1 ? .found(matches[0]) : .ambiguous(matches)
    }

    /// 文号 compared without bracket style or spaces: 湘政办发〔2023〕11号 = 湘政办发[2023]11号.
    /// Runs for every document of every build: over the scalars, not the characters (each
    /// left out is one scalar).
    static func normalisedNumber(_ number: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in number.unicodeScalars where !ignored.contains(scalar.value) { kept.append(scalar) }
        return String(kept)
    }

    private static let ignored: Set<UInt32> = Set(" 　〔〕[]［］()（）【】".unicodeScalars.map(\.value))
}

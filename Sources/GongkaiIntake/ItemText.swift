import Foundation
import GongkaiModel

/// An item's text taken apart: heading sentence, body, and the unit parenthesis at the end.
struct ItemText {
    var title: String?
    var body: String
    /// What the closing parenthesis says, without its brackets.
    var assignment: String?

    /// The longest first sentence still read as a heading; longer ones are the body's start.
    static let headingLimit = 32

    init(_ text: String) {
        var content = text
        assignment = nil
        if let (group, start) = Self.closingGroup(text), Assignment.isAssignment(group) {
            assignment = group
            content = String(text[..<start])
        }
        content = content.trimmingCharacters(in: .whitespaces)
        if let stop = content.firstIndex(of: "。") {
            let sentence = String(content[..<stop])
            let rest = String(content[content.index(after: stop)...]).trimmingCharacters(in: .whitespaces)
            if sentence.count <= Self.headingLimit, !rest.isEmpty {
                title = sentence
                body = rest
                return
            }
        }
        title = nil
        body = content
    }

    /// The bracketed group that ends the text (a trailing 。 may follow it), matched across
    /// full- and half-width and square brackets, since PDF text mixes them: `（…)`.
    static func closingGroup(_ text: String) -> (String, String.Index)? {
        var end = text.endIndex
        while end > text.startIndex, "。. ".contains(text[text.index(before: end)]) { end = text.index(before: end) }
        guard end > text.startIndex else { return nil }
        let close = text.index(before: end)
        guard "）)]】".contains(text[close]) else { return nil }
        var depth = 0
        var index = close
        while true {
            let character = text[index]
            if "）)]】".contains(character) { depth += 1 }
            if "（([【".contains(character) {
                depth -= 1
                if depth == 0 {
                    let inner = String(text[text.index(after: index)..<close]).trimmingCharacters(in: .whitespaces)
                    return (inner, index)
                }
            }
            guard index > text.startIndex else { return nil }
            index = text.index(before: index)
        }
    }
}

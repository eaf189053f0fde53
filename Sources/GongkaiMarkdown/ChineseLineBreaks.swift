import CCmarkGFM

/// Removes soft line breaks between two Chinese characters. Markdown turns a line break inside a
/// paragraph into whitespace, which browsers show as a stray space in Chinese text ("政务 公开").
enum ChineseLineBreaks {
    static func join(in document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var breaks: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK
            else { continue }
            if let before = lastCharacter(cmark_node_previous(node)), isChinese(before),
                let after = firstCharacter(cmark_node_next(node)), isChinese(after)
            {
                breaks.append(node)
            }
        }
        for node in breaks {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func text(_ node: OpaquePointer?) -> String? {
        guard let node, cmark_node_get_type(node) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(node)
        else { return nil }
        return String(cString: literal)
    }

    private static func lastCharacter(_ node: OpaquePointer?) -> Unicode.Scalar? {
        text(node)?.unicodeScalars.last
    }

    private static func firstCharacter(_ node: OpaquePointer?) -> Unicode.Scalar? {
        text(node)?.unicodeScalars.first
    }

    /// CJK ideographs and the full-width punctuation used with them.
    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
            0x20000...0x2FA1F, 0x2018...0x201D, 0x2026:
            return true
        default:
            return false
        }
    }
}

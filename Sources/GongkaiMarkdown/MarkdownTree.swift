import CCmarkGFM

/// Facts read off the parsed Markdown tree that the HTML needs and cmark-gfm does not provide:
/// heading texts (for ids), task item texts (for checkbox labels), images without alt text.
struct MarkdownTree {
    var headings: [String] = []
    var tasks: [String] = []
    /// Lines (within the Markdown source) of images whose alt text is empty.
    var imagesWithoutAlt: [Int] = []

    init(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headings.append(Self.text(of: node))
            case CMARK_NODE_ITEM where cmark_node_get_syntax_extension(node) != nil:
                tasks.append(Self.text(of: node))
            case CMARK_NODE_IMAGE:
                if Self.text(of: node).trimmingSpaces.isEmpty {
                    imagesWithoutAlt.append(Int(cmark_node_get_start_line(node)))
                }
            default:
                break
            }
        }
    }

    /// The plain text of a node's descendants.
    static func text(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}

extension String {
    var trimmingSpaces: Substring {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}

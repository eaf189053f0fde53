import CCmarkGFM

/// The text a reader sees in a Markdown body, taken from cmark's tree: what the search index
/// segments. Link and image targets, raw HTML (which pages never show) and markup are left out;
/// blocks end with a line break; a soft line break between two Chinese characters is joined as
/// the page joins it (so a phrase split across source lines is found), others stay line breaks.
///
/// Parses without extensions: tables and strikethrough only change markup characters, which are
/// not letters, and a parser without extensions can run on any thread (see `parseLock`).
public enum MarkdownText {
    public static func plain(_ markdown: String) -> String {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return markdown }
        defer { cmark_parser_free(parser) }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return markdown }
        defer { cmark_node_free(document) }
        ChineseLineBreaks.join(in: document)
        guard let iterator = cmark_iter_new(document) else { return markdown }
        defer { cmark_iter_free(iterator) }
        var text = ""
        text.reserveCapacity(markdown.utf8.count)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM { text += "\n" }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) + "\n" }
            case CMARK_NODE_SOFTBREAK:
                text += "\n"
            case CMARK_NODE_LINEBREAK:
                text += "\n"
            default:
                break
            }
        }
        return text
    }
}

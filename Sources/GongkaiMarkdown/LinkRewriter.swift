import CCmarkGFM

/// What a link of the Markdown source becomes in the HTML.
public enum LinkTarget: Sendable {
    /// Left as written (external addresses, fragments).
    case keep
    /// Replaced, e.g. `../zcjd/a.md` by the page address of that document.
    case rewrite(String)
    /// Leads nowhere; the reason goes into the build's error.
    case broken(String)
}

/// A link or image of the source that leads nowhere.
public struct BrokenLink: Sendable, Equatable {
    /// Line within the Markdown source.
    public let line: Int
    public let target: String
    public let reason: String
    public let isImage: Bool
}

/// Passes every link and image address of the tree through a resolver before rendering.
enum LinkRewriter {
    static func rewrite(_ document: OpaquePointer, with resolve: (String) -> LinkTarget) -> [BrokenLink] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var broken: [BrokenLink] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let raw = cmark_node_get_url(node) else { continue }
            let url = String(cString: raw)
            switch resolve(url) {
            case .keep:
                continue
            case .rewrite(let replacement):
                cmark_node_set_url(node, replacement)
            case .broken(let reason):
                broken.append(
                    BrokenLink(
                        line: Int(cmark_node_get_start_line(node)), target: url, reason: reason,
                        isImage: type == CMARK_NODE_IMAGE))
            }
        }
        return broken
    }
}

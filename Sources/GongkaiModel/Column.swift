/// A 栏目 of the portal. Columns form a tree; `path` is the slash-joined chain of segments
/// (`xxgk/fdzdgknr/zcwj`), which is both the folder under `content/` and the URL path.
public struct Column: Sendable, Hashable {
    public let path: String
    public let title: String
    public let description: String?
    public let updateClass: UpdateClass
    /// Shown on the home page with its latest documents.
    public let onHome: Bool
    public let parentPath: String?
    /// Direct children, in navigation order.
    public let childPaths: [String]
    /// Where the column is declared in `site.yml`.
    public let line: Int
    /// Fields the column declares for its documents (besides those of its ancestors).
    public let fields: [ColumnField]
    /// False for the columns that stand for the 公开主体 index and each body's home: they exist
    /// for the tree (breadcrumbs, side menu) and hold no documents; their pages are the body kinds'.
    public var holdsDocuments = true

    public init(
        path: String, title: String, description: String?, updateClass: UpdateClass,
        onHome: Bool, parentPath: String?, childPaths: [String], line: Int, fields: [ColumnField] = []
    ) {
        self.fields = fields
        self.path = path
        self.title = title
        self.description = description
        self.updateClass = updateClass
        self.onHome = onHome
        self.parentPath = parentPath
        self.childPaths = childPaths
        self.line = line
    }

    public var depth: Int { path.split(separator: "/").count }
}

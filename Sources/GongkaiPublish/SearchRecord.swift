/// What the search index knows of one published document: the text to index, the facet values
/// to filter by and what a result shows. Made by the site stage (which knows URLs and plain
/// text); everything the index writes for the document follows from this value alone, so it
/// is the cache key of the per-document analysis.
@dynamicMemberLookup
public struct SearchRecord: Codable, Sendable, Hashable {
    /// The record's data. Stored in a copy-on-write box, as `Document` is: records are copied
    /// into every facet's members and every listing page of a build, and copying thirteen
    /// fields each time was a twentieth of an incremental build in reference counting.
    public struct Fields: Codable, Sendable, Hashable {
        /// Stable document id (the content path without `.md`).
        public var id: String
        /// Sort key, newest first when sorted descending: `2023-03-23T14:07`.
        public var published: String
        /// Root-relative URL of the document page.
        public var url: String
        public var title: String
        /// 文号
        public var docNumber: String?
        /// 发文机关
        public var issuer: String?
        /// 文件类型
        public var type: String?
        /// 主题分类
        public var topic: String?
        /// 有效性
        public var validity: String?
        /// 公开主体 (its name), on a portal of several bodies.
        public var discloser: String?
        /// True when the document is not 现行有效 and results should say so.
        public var notCurrent: Bool
        /// 标签
        public var tags: [String]
        /// Plain text of the body (and of the work plans the document publishes).
        public var body: String

        public init(
            id: String, published: String, url: String, title: String, docNumber: String?, issuer: String?,
            type: String?, topic: String?, validity: String?, notCurrent: Bool, tags: [String], body: String,
            discloser: String? = nil
        ) {
            self.id = id
            self.published = published
            self.url = url
            self.title = title
            self.docNumber = docNumber
            self.issuer = issuer
            self.type = type
            self.topic = topic
            self.validity = validity
            self.notCurrent = notCurrent
            self.tags = tags
            self.body = body
            self.discloser = discloser
        }
    }

    @usableFromInline
    final class Box: @unchecked Sendable {
        // Written only while uniquely referenced (see the subscript), so sharing is safe.
        @usableFromInline var fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    @inlinable
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: keyPath] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: keyPath] = newValue
        }
    }

    public init(
        id: String, published: String, url: String, title: String, docNumber: String?, issuer: String?,
        type: String?, topic: String?, validity: String?, notCurrent: Bool, tags: [String], body: String,
        discloser: String? = nil
    ) {
        box = Box(
            Fields(
                id: id, published: published, url: url, title: title, docNumber: docNumber, issuer: issuer, type: type, topic: topic,
                validity: validity, notCurrent: notCurrent, tags: tags, body: body, discloser: discloser))
    }

    /// The same keys and values as the fields themselves.
    public init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }

    public static func == (lhs: SearchRecord, rhs: SearchRecord) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// 发布日期 as `2023-03-23`.
    public var date: String { String(box.fields.published.prefix(10)) }

    /// The year of publication, the `year` facet.
    public var year: String { String(box.fields.published.prefix(4)) }
}

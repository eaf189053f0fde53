import Synchronization

/// A published or publishable government document: front matter fields plus its Markdown body.
/// Relations (`interprets`, `replaces`, `replacedBy`) hold ids of other documents, resolved at load.
///
/// Stored in a copy-on-write box: a document is copied into many lists (published, per column,
/// relations) and looked up by id all through a build, and copying ~25 fields each time cost
/// a tenth of an incremental build in reference counting. Fields read and write as before
/// (`document.title`), through `Fields`.
@dynamicMemberLookup
public struct Document: Sendable, Hashable {
    /// The document's data.
    public struct Fields: Sendable, Hashable {
        /// Path under `content/` without the `.md` extension: `xxgk/fdzdgknr/zcwj/hunan-2023`.
        public var id: String
        /// Path of the source file relative to the project: `content/xxgk/fdzdgknr/zcwj/hunan-2023.md`.
        public var file: String
        public var columnPath: String
        /// Last URL segment; the file name unless the front matter sets `slug`.
        public var slug: String
        public var title: String
        /// 索引号, as written or as generated.
        public var indexNumber: String
        public var indexNumberGenerated: Bool
        /// 发文机关
        public var issuer: String?
        /// 文号
        public var docNumber: String?
        /// 成文日期
        public var written: CalendarDate?
        /// 发布日期
        public var published: DateTime
        /// 主题分类
        public var topic: String?
        /// 文件类型
        public var type: String?
        /// 有效性
        public var validity: Validity?
        /// 有效期至
        public var validUntil: CalendarDate?
        /// 公开方式
        public var disclosure: Disclosure
        public var interprets: [String]
        /// Ids of documents that interpret this one (the reverse of `interprets`).
        public var interpretedBy: [String]
        public var replaces: [String]
        public var replacedBy: [String]
        /// Ids of plan data files this notice publishes.
        public var plans: [String]
        public var attachments: [Attachment]
        public var tags: [String]
        /// Set by the editor when the document must show personal data (a 公示 of names and
        /// numbers, say): the personal-data check then leaves it alone.
        public var allowsPersonalData: Bool = false
        /// 施行日期: the day the document takes effect, when it is not the day it was published.
        public var effective: CalendarDate? = nil
        /// Set by the derive stage (`ValidityDerivation`) when the file says 现行有效 but its
        /// 有效期至 has passed on the build day: `validity` is then 失效.
        public var validityLapsed: Bool = false
        /// Set by the derive stage when 施行日期 is after the build day: 尚未施行.
        public var notYetInForce: Bool = false
        /// Front matter keys Gongkai does not know, kept for templates.
        public var extra: [ExtraField]
        /// Markdown source of the body.
        public var body: String
        /// Line of the file where the body starts.
        public var bodyLine: Int
        /// Line of each known field in the file, by English field name.
        public var fieldLines: [String: Int]

        public init(
            id: String, file: String, columnPath: String, slug: String, title: String,
            indexNumber: String, indexNumberGenerated: Bool, issuer: String?, docNumber: String?,
            written: CalendarDate?, published: DateTime, topic: String?, type: String?,
            validity: Validity?, validUntil: CalendarDate?, disclosure: Disclosure,
            interprets: [String], interpretedBy: [String], replaces: [String], replacedBy: [String], plans: [String],
            attachments: [Attachment], tags: [String], extra: [ExtraField],
            body: String, bodyLine: Int, fieldLines: [String: Int]
        ) {
            self.id = id
            self.file = file
            self.columnPath = columnPath
            self.slug = slug
            self.title = title
            self.indexNumber = indexNumber
            self.indexNumberGenerated = indexNumberGenerated
            self.issuer = issuer
            self.docNumber = docNumber
            self.written = written
            self.published = published
            self.topic = topic
            self.type = type
            self.validity = validity
            self.validUntil = validUntil
            self.disclosure = disclosure
            self.interprets = interprets
            self.interpretedBy = interpretedBy
            self.replaces = replaces
            self.replacedBy = replacedBy
            self.plans = plans
            self.attachments = attachments
            self.tags = tags
            self.extra = extra
            self.body = body
            self.bodyLine = bodyLine
            self.fieldLines = fieldLines
        }

    }

    @usableFromInline
    final class Box: @unchecked Sendable {
        // Written only while uniquely referenced (see the subscript), so sharing is safe.
        @usableFromInline var fields: Fields
        /// `outlineDigest` and `digest` once made (0: not yet), cleared whenever a field is written.
        @usableFromInline let outlineDigest = Atomic<UInt64>(0)
        @usableFromInline let digest = Atomic<UInt64>(0)
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    @inlinable
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: keyPath] }
        set {
            if isKnownUniquelyReferenced(&box) {
                box.outlineDigest.store(0, ordering: .relaxed)
                box.digest.store(0, ordering: .relaxed)
            } else {
                box = Box(box.fields)
            }
            box.fields[keyPath: keyPath] = newValue
        }
    }

    /// All fields at once.
    @inlinable public var fields: Fields { box.fields }

    public init(
        id: String, file: String, columnPath: String, slug: String, title: String,
        indexNumber: String, indexNumberGenerated: Bool, issuer: String?, docNumber: String?,
        written: CalendarDate?, published: DateTime, topic: String?, type: String?,
        validity: Validity?, validUntil: CalendarDate?, disclosure: Disclosure,
        interprets: [String], interpretedBy: [String], replaces: [String], replacedBy: [String], plans: [String],
        attachments: [Attachment], tags: [String], extra: [ExtraField],
        body: String, bodyLine: Int, fieldLines: [String: Int]
    ) {
        box = Box(
            Fields(
                id: id, file: file, columnPath: columnPath, slug: slug, title: title, indexNumber: indexNumber, indexNumberGenerated: indexNumberGenerated, issuer: issuer, docNumber: docNumber,
                written: written, published: published, topic: topic, type: type, validity: validity, validUntil: validUntil, disclosure: disclosure, interprets: interprets,
                interpretedBy: interpretedBy, replaces: replaces, replacedBy: replacedBy, plans: plans, attachments: attachments, tags: tags, extra: extra, body: body, bodyLine: bodyLine,
                fieldLines: fieldLines))
    }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    /// The documents newest first; ties broken by id so that listings are deterministic. Sorted
    /// by keys read once per document rather than twice per comparison.
    public static func newestFirst(_ documents: [Document]) -> [Document] {
        documents.map { (published: $0.published, id: $0.id, document: $0) }
            .sorted { $0.published != $1.published ? $0.published > $1.published : $0.id < $1.id }.map(\.document)
    }
}

/// A file attached to a document (附件), stored beside it under `content/`.
public struct Attachment: Sendable, Hashable {
    public let title: String
    /// Path relative to `content/`.
    public let path: String

    public init(title: String, path: String) {
        self.title = title
        self.path = path
    }
}

/// A front matter key Gongkai does not know, with its value as text; or a field the document's
/// column declares in `site.yml` (then `label` is set and the value was checked against its type).
public struct ExtraField: Sendable, Hashable {
    public let key: String
    public let value: String
    public let line: Int
    /// The metadata table's label of a column-declared field.
    public let label: String?

    public init(key: String, value: String, line: Int, label: String? = nil) {
        self.key = key
        self.value = value
        self.line = line
        self.label = label
    }
}

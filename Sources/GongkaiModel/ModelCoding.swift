/// Binary encoding of the model values a build state keeps (a document as read from its file,
/// the diagnostics of reading it): every field, in a fixed order, with `ByteWriter`. The reader
/// returns nil for anything it cannot trust (truncated, a date that does not exist, an unknown
/// case), so a damaged state is discarded rather than half used.
extension ByteWriter {
    @inlinable public mutating func bool(_ value: Bool) { u8(value ? 1 : 0) }

    /// A signed integer (line numbers, years, minutes) as its 64-bit pattern.
    @inlinable public mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }

    @inlinable public mutating func optionalString(_ text: String?) {
        if let text {
            u8(1)
            string(text)
        } else {
            u8(0)
        }
    }

    @inlinable public mutating func strings(_ texts: [String]) {
        u32(UInt32(texts.count))
        for text in texts { string(text) }
    }

    @inlinable public mutating func optionalInt(_ value: Int?) {
        if let value {
            u8(1)
            int(value)
        } else {
            u8(0)
        }
    }

    public mutating func date(_ date: CalendarDate?) {
        guard let date else { return u8(0) }
        u8(1)
        u16(UInt16(date.year))
        u8(UInt8(date.month))
        u8(UInt8(date.day))
    }

    /// Every field of `document`; without `body`, every field but the Markdown body (what
    /// pages other than the document's own show of it).
    public mutating func document(_ document: Document, body: Bool = true) {
        let fields = document.fields
        string(fields.id)
        string(fields.file)
        string(fields.columnPath)
        string(fields.slug)
        string(fields.title)
        string(fields.indexNumber)
        bool(fields.indexNumberGenerated)
        optionalString(fields.issuer)
        optionalString(fields.docNumber)
        date(fields.written)
        date(fields.published.date)
        optionalInt(fields.published.minuteOfDay)
        optionalString(fields.topic)
        optionalString(fields.type)
        optionalString(fields.validity?.rawValue)
        date(fields.validUntil)
        string(fields.disclosure.rawValue)
        strings(fields.interprets)
        strings(fields.interpretedBy)
        strings(fields.replaces)
        strings(fields.replacedBy)
        strings(fields.plans)
        u32(UInt32(fields.attachments.count))
        for attachment in fields.attachments {
            string(attachment.title)
            string(attachment.path)
        }
        strings(fields.tags)
        bool(fields.allowsPersonalData)
        date(fields.effective)
        bool(fields.validityLapsed)
        bool(fields.notYetInForce)
        u32(UInt32(fields.extra.count))
        for extra in fields.extra {
            string(extra.key)
            string(extra.value)
            int(extra.line)
            optionalString(extra.label)
        }
        if body { string(fields.body) }
        int(fields.bodyLine)
        // Sorted: the same document gives the same bytes.
        u32(UInt32(fields.fieldLines.count))
        for (key, line) in fields.fieldLines.sorted(by: { $0.key < $1.key }) {
            string(key)
            int(line)
        }
    }

    public mutating func diagnostic(_ diagnostic: Diagnostic) {
        u8(diagnostic.severity == .error ? 0 : 1)
        optionalString(diagnostic.file)
        optionalInt(diagnostic.line)
        string(diagnostic.message)
        optionalString(diagnostic.rule)
        optionalString(diagnostic.indicator?.name)
        int(diagnostic.indicator?.order ?? 0)
    }
}

extension ByteReader {
    @inlinable public mutating func bool() -> Bool? {
        switch u8() {
        case 0: return false
        case 1: return true
        default: return nil
        }
    }

    @inlinable public mutating func int() -> Int? { u64().map { Int(Int64(bitPattern: $0)) } }

    /// `.some(nil)` for an absent string, nil when the bytes cannot be read.
    @inlinable public mutating func optionalString() -> String?? {
        switch u8() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    @inlinable public mutating func optionalInt() -> Int?? {
        switch u8() {
        case 0: return .some(nil)
        case 1: return int().map { .some($0) }
        default: return nil
        }
    }

    @inlinable public mutating func strings() -> [String]? {
        guard let count = u32(), Int(count) <= remaining / 4 else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let text = string() else { return nil }
            texts.append(text)
        }
        return texts
    }

    /// `.some(nil)` for an absent date, nil when the bytes cannot be read or name no day.
    public mutating func date() -> CalendarDate?? {
        switch u8() {
        case 0: return .some(nil)
        case 1:
            guard let year = u16(), let month = u8(), let day = u8(),
                let date = CalendarDate(year: Int(year), month: Int(month), day: Int(day))
            else { return nil }
            return .some(date)
        default: return nil
        }
    }

    public mutating func document() -> Document? {
        guard let id = string(), let file = string(), let columnPath = string(), let slug = string(),
            let title = string(), let indexNumber = string(), let indexNumberGenerated = bool(),
            let issuer = optionalString(), let docNumber = optionalString(), let written = date(),
            let publishedDay = date(), let day = publishedDay, let minute = optionalInt(),
            let topic = optionalString(), let type = optionalString(), let validityName = optionalString(),
            let validUntil = date(), let disclosureName = string(), let disclosure = Disclosure(rawValue: disclosureName),
            let interprets = strings(), let interpretedBy = strings(), let replaces = strings(),
            let replacedBy = strings(), let plans = strings(), let attachmentCount = u32(),
            Int(attachmentCount) <= remaining / 8
        else { return nil }
        var validity: Validity?
        if let validityName {
            guard let known = Validity(rawValue: validityName) else { return nil }
            validity = known
        }
        var attachments: [Attachment] = []
        for _ in 0..<attachmentCount {
            guard let title = string(), let path = string() else { return nil }
            attachments.append(Attachment(title: title, path: path))
        }
        guard let tags = strings(), let allowsPersonalData = bool(), let effective = date(),
            let validityLapsed = bool(), let notYetInForce = bool(), let extraCount = u32(),
            Int(extraCount) <= remaining / 17
        else { return nil }
        var extra: [ExtraField] = []
        for _ in 0..<extraCount {
            guard let key = string(), let value = string(), let line = int(), let label = optionalString() else { return nil }
            extra.append(ExtraField(key: key, value: value, line: line, label: label))
        }
        guard let body = string(), let bodyLine = int(), let lineCount = u32(), Int(lineCount) <= remaining / 12 else { return nil }
        var fieldLines: [String: Int] = [:]
        fieldLines.reserveCapacity(Int(lineCount))
        for _ in 0..<lineCount {
            guard let key = string(), let line = int() else { return nil }
            fieldLines[key] = line
        }
        var document = Document(
            id: id, file: file, columnPath: columnPath, slug: slug, title: title,
            indexNumber: indexNumber, indexNumberGenerated: indexNumberGenerated, issuer: issuer, docNumber: docNumber,
            written: written, published: DateTime(date: day, minuteOfDay: minute), topic: topic, type: type,
            validity: validity, validUntil: validUntil, disclosure: disclosure,
            interprets: interprets, interpretedBy: interpretedBy, replaces: replaces, replacedBy: replacedBy, plans: plans,
            attachments: attachments, tags: tags, extra: extra, body: body, bodyLine: bodyLine, fieldLines: fieldLines)
        document.allowsPersonalData = allowsPersonalData
        document.effective = effective
        document.validityLapsed = validityLapsed
        document.notYetInForce = notYetInForce
        return document
    }

    public mutating func diagnostic() -> Diagnostic? {
        guard let severity = u8(), severity <= 1, let file = optionalString(), let line = optionalInt(),
            let message = string(), let rule = optionalString(), let indicatorName = optionalString(), let order = int()
        else { return nil }
        return Diagnostic(
            severity == 0 ? .error : .warning, file: file, line: line, message, rule: rule,
            indicator: indicatorName.map { Indicator($0, order: order) })
    }
}

extension Document {
    /// A stable hash of every field: `outlineDigest` and the Markdown body. Equal documents
    /// have equal digests, and a change to any field, the body included, changes it. Kept in
    /// the document's storage like `outlineDigest`.
    public var digest: UInt64 {
        let kept = box.digest.load(ordering: .relaxed)
        if kept != 0 { return kept }
        var hasher = StableHasher()
        hasher.combine(outlineDigest)
        hasher.combine(fields.body)
        let made = hasher.finalize()
        box.digest.store(made, ordering: .relaxed)
        return made
    }

    /// A stable hash of every field but the Markdown body, over the bytes `ByteWriter.document`
    /// writes (which the build state reads back field for field): what listings, relations and
    /// links of other pages can show of the document. A body edit leaves it as it was. Made
    /// once per document value (kept in its storage until a field is written).
    public var outlineDigest: UInt64 {
        let kept = box.outlineDigest.load(ordering: .relaxed)
        if kept != 0 { return kept }
        var writer = ByteWriter(capacity: 512)
        writer.document(self, body: false)
        var hasher = StableHasher()
        writer.bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        let made = hasher.finalize()
        box.outlineDigest.store(made, ordering: .relaxed)
        return made
    }
}

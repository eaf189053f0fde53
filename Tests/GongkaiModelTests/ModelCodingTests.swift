import GongkaiModel
import Testing

/// The binary codec of what the content state keeps: every field comes back, set and unset,
/// and damaged bytes give nil rather than a wrong value.
@Suite struct ModelCodingTests {
    static func roundTrip(_ document: Document) -> Document? {
        var writer = ByteWriter()
        writer.document(document)
        var reader = ByteReader(writer.bytes)
        let decoded = reader.document()
        return reader.atEnd ? decoded : nil
    }

    static let full: Document = {
        var document = Document(
            id: "xxgk/zcwj/a", file: "content/xxgk/zcwj/a.md", columnPath: "xxgk/zcwj", slug: "a-custom", title: "甲文件",
            indexNumber: "000-2023-001", indexNumberGenerated: false, issuer: "测试局", docNumber: "测政发〔2023〕1号",
            written: CalendarDate(year: 2023, month: 2, day: 28), published: DateTime(date: CalendarDate(year: 2024, month: 2, day: 29)!, minuteOfDay: 570),
            topic: "综合政务", type: "通知", validity: .amended, validUntil: CalendarDate(year: 2030, month: 12, day: 31), disclosure: .onRequest,
            interprets: ["b", "c"], interpretedBy: ["d"], replaces: ["e"], replacedBy: ["f", "g"], plans: ["hunan-2023"],
            attachments: [Attachment(title: "附件一", path: "xxgk/zcwj/x.pdf"), Attachment(title: "", path: "y.doc")],
            tags: ["乡村振兴", "公开"], extra: [ExtraField(key: "联系人", value: "张三", line: 9), ExtraField(key: "批次", value: "3", line: 10, label: "批次")],
            body: "正文第一段。\n\n| 表 |\n", bodyLine: 14, fieldLines: ["title": 2, "published": 3, "slug": 4])
        document.allowsPersonalData = true
        document.effective = CalendarDate(year: 2024, month: 3, day: 1)
        document.validityLapsed = true
        document.notYetInForce = true
        return document
    }()

    @Test func aDocumentWithEveryFieldSetComesBackEqual() {
        let decoded = Self.roundTrip(Self.full)
        #expect(decoded == Self.full)
        #expect(decoded?.fields.fieldLines == ["title": 2, "published": 3, "slug": 4])
        #expect(decoded?.extra.last?.label == "批次")
        #expect(decoded?.published.minuteOfDay == 570)
    }

    /// A document page's fingerprint rests on `digest`: a change to any field, those the derive
    /// stage sets included, changes it.
    @Test func theDigestChangesWithEveryField() {
        let base = Self.full
        let changes: [(String, (inout Document) -> Void)] = [
            ("title", { $0.title = "乙文件" }), ("indexNumber", { $0.indexNumber = "000-2023-002" }),
            ("interpretedBy", { $0.interpretedBy = ["d", "h"] }), ("replacedBy", { $0.replacedBy = ["f"] }),
            ("validityLapsed", { $0.validityLapsed = false }), ("notYetInForce", { $0.notYetInForce = false }),
            ("published", { $0.published = DateTime(date: CalendarDate(year: 2024, month: 2, day: 29)!, minuteOfDay: 571) }),
            ("attachments", { $0.attachments = [Attachment(title: "附件二", path: "xxgk/zcwj/x.pdf")] }),
            ("extra label", { $0.extra = [ExtraField(key: "联系人", value: "张三", line: 9)] }),
            ("body", { $0.body += " " }), ("bodyLine", { $0.bodyLine = 15 }), ("file", { $0.file = "content/xxgk/zcwj/b.md" }),
        ]
        var seen: Set<UInt64> = [base.digest]
        for (name, change) in changes {
            var changed = base
            change(&changed)
            #expect(changed.digest != base.digest, "\(name)")
            seen.insert(changed.digest)
        }
        #expect(seen.count == changes.count + 1)
        #expect(Self.roundTrip(base)?.digest == base.digest, "an equal document has an equal digest")
    }

    /// The digests are kept in the document's storage once made: a field written in place (the
    /// storage not shared) or on a copy (shared) is never hidden by a kept value.
    @Test func aWrittenFieldIsNeverHiddenByTheKeptDigests() throws {
        var alone = try #require(Self.roundTrip(Self.full))
        let before = alone.outlineDigest
        #expect(alone.outlineDigest == before, "the same value twice")
        alone.title = "丙文件"
        #expect(alone.outlineDigest != before, "written in place")
        #expect(alone.outlineDigest == Self.roundTrip(alone)?.outlineDigest, "the digest a fresh value makes")
        let shared = alone
        var copy = shared
        copy.issuer = "另一机关"
        #expect(copy.outlineDigest != shared.outlineDigest, "written on a copy")
        #expect(shared.outlineDigest == Self.roundTrip(alone)?.outlineDigest)
        let digest = copy.digest
        copy.body += "正文另加一句。"
        #expect(copy.outlineDigest == Self.roundTrip(copy)?.outlineDigest, "a body edit leaves the outline as a fresh value has it")
        #expect(copy.digest != digest, "the kept digest is cleared by a body written in place")
        #expect(copy.digest == Self.roundTrip(copy)?.digest)
    }

    @Test func aDocumentWithEveryOptionalUnsetComesBackEqual() {
        let document = Document(
            id: "a", file: "content/a.md", columnPath: "", slug: "a", title: "", indexNumber: "", indexNumberGenerated: true,
            issuer: nil, docNumber: nil, written: nil, published: DateTime(date: CalendarDate(year: 1, month: 1, day: 1)!),
            topic: nil, type: nil, validity: nil, validUntil: nil, disclosure: .proactive,
            interprets: [], interpretedBy: [], replaces: [], replacedBy: [], plans: [], attachments: [], tags: [], extra: [],
            body: "", bodyLine: 0, fieldLines: [:])
        let decoded = Self.roundTrip(document)
        #expect(decoded == document)
        #expect(decoded?.published.minuteOfDay == nil)
        #expect(decoded?.effective == nil)
        #expect(decoded?.allowsPersonalData == false)
    }

    @Test func everyValidityAndDisclosureComesBack() {
        for validity in Validity.allCases {
            for disclosure in Disclosure.allCases {
                var document = Self.full
                document.validity = validity
                document.disclosure = disclosure
                #expect(Self.roundTrip(document) == document)
            }
        }
    }

    @Test func diagnosticsComeBackWithEveryField() {
        let diagnostics = [
            Diagnostic.error("content/a.md", line: 3, "错误信息", rule: "broken-link"),
            Diagnostic.warning(nil, "警告信息"),
            Diagnostic.indicator(.staleColumn, "content/b.md", line: nil, "栏目不更新", rule: "stale-column"),
        ]
        var writer = ByteWriter()
        for diagnostic in diagnostics { writer.diagnostic(diagnostic) }
        var reader = ByteReader(writer.bytes)
        let decoded = diagnostics.map { _ in reader.diagnostic() }
        #expect(decoded == diagnostics)
        #expect(decoded[2]?.indicator == .staleColumn)
        #expect(reader.atEnd)
    }

    @Test func damagedBytesGiveNil() {
        var writer = ByteWriter()
        writer.document(Self.full)
        let bytes = writer.bytes
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            var reader = ByteReader(Array(bytes.prefix(cut)))
            #expect(reader.document() == nil, "cut at \(cut)")
        }
        // A day that does not exist, an unknown disclosure.
        var date = ByteWriter()
        date.date(CalendarDate(year: 2023, month: 2, day: 28))
        var bad = date.bytes
        bad[4] = 30
        var reader = ByteReader(bad)
        #expect(reader.date() == nil)
    }
}

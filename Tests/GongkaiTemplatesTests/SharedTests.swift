import GongkaiModel
import Testing

@testable import GongkaiTemplates

private struct Chrome: Codable, Sendable {
    let name: String
    let links: [String]
}

private struct SharingView: Codable, Sendable {
    let site: Shared<Chrome>
    let title: String
}

private struct PlainView: Codable, Sendable {
    let site: Chrome
    let title: String
}

@Suite struct SharedTests {
    private func fingerprint(_ view: some Encodable) -> UInt64 {
        var hasher = StableHasher()
        FingerprintEncoder.fingerprint(view, into: &hasher)
        return hasher.finalize()
    }

    @Test func templatesAndSchemasSeeTheValueItself() throws {
        let builder = SchemaBuilder()
        guard case .object(let sharing) = try builder.schema(for: SharingView.self),
            case .object(let site) = sharing.fields["site"]
        else {
            Issue.record("not an object")
            return
        }
        #expect(site.fieldOrder == ["name", "links"])
        let view = SharingView(site: Shared(Chrome(name: "门户", links: ["a", "b"])), title: "页")
        let rendered = try CompiledTemplateTests.agree("{{title}}:{{#site}}{{name}}{{#links}}[{{.}}]{{/links}}{{/site}}", view: view)
        #expect(rendered == "页:门户[a][b]")
    }

    @Test func aPageFingerprintFollowsTheSharedValue() {
        let chrome = Chrome(name: "门户", links: ["a", "b"])
        let page = fingerprint(SharingView(site: Shared(chrome), title: "页"))
        #expect(page == fingerprint(SharingView(site: Shared(Chrome(name: "门户", links: ["a", "b"])), title: "页")))
        #expect(page != fingerprint(SharingView(site: Shared(Chrome(name: "门户", links: ["a", "c"])), title: "页")))
        #expect(page != fingerprint(SharingView(site: Shared(Chrome(name: "门户2", links: ["a", "b"])), title: "页")))
        #expect(page != fingerprint(SharingView(site: Shared(chrome), title: "另一页")))
        // The shared part counts by its own fingerprint, not by encoding it again.
        #expect(Shared(chrome).fingerprint == fingerprint(chrome))
        #expect(page != fingerprint(PlainView(site: chrome, title: "页")))
    }
}

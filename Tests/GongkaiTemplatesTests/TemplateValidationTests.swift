import Foundation
import GongkaiModel
import GongkaiTestSupport
import Testing

@testable import GongkaiTemplates

private struct Item: Codable, Sendable {
    let title: String
    let url: String
}

private struct Node: Codable, Sendable {
    let title: String
    let children: Listing<Node>?
}

private struct TestView: Codable, Sendable {
    let title: String
    let count: Int
    let body: HTML
    let items: [Item]
    let summary: Item?
    let flag: Bool
    let tree: Listing<Node>?
}

private struct Wrappers: Codable, Sendable {
    let optionals: [Item?]
    let nested: [[Item]]
    let shared: Shared<Item>
}

@Suite struct SchemaBuilderTests {
    @Test func derivesFieldsFromTheTypeAlone() throws {
        let schema = try SchemaBuilder().schema(for: TestView.self)
        guard case .object(let object) = schema else {
            Issue.record("not an object")
            return
        }
        #expect(object.fieldOrder == ["title", "count", "body", "items", "summary", "flag", "tree"])
        guard case .list(.object(let item)) = object.fields["items"] else {
            Issue.record("items")
            return
        }
        #expect(item.fieldOrder == ["title", "url"])
        guard case .object(let summary) = object.fields["summary"] else {
            Issue.record("optional struct")
            return
        }
        #expect(summary === item, "one schema per type")
        guard case .html = object.fields["body"] else {
            Issue.record("HTML")
            return
        }
    }

    /// Lists of optionals, lists of lists and `Shared` values show their elements' and values' fields.
    @Test func seesThroughOptionalsListsAndSharedValues() throws {
        let schema = try SchemaBuilder().schema(for: Wrappers.self)
        guard case .object(let object) = schema, case .list(.object(let item)) = object.fields["optionals"],
            case .list(.list(.object(let inner))) = object.fields["nested"], case .object(let shared) = object.fields["shared"]
        else {
            Issue.record("shape")
            return
        }
        #expect(item.fieldOrder == ["title", "url"])
        #expect(inner === item, "one schema per type")
        #expect(shared.fieldOrder == ["title", "url"])
        #expect(shared.typeName == "Shared<Item>")
        #expect(item.typeName == "Item")
    }

    @Test func handlesRecursiveTypes() throws {
        let schema = try SchemaBuilder().schema(for: Node.self)
        guard case .object(let node) = schema, case .object(let listing) = node.fields["children"],
            case .list(.object(let inner)) = listing.fields["items"]
        else {
            Issue.record("shape")
            return
        }
        #expect(inner === node)
    }
}

@Suite struct TemplateValidatorTests {
    /// Validates `page` (and the given partials and layouts) against `TestView`.
    func problems(_ page: String, files: [String: String] = [:]) throws -> [Diagnostic] {
        let project = try Project(files: [:])
        try FileManager.default.removeItem(at: project.templates)
        try project.write("templates/layouts/page.mustache", page)
        for (path, text) in files { try project.write("templates/\(path)", text) }
        let templates = try TemplateSet.load(from: project.templates)
        return templates.validate([("page", try SchemaBuilder().schema(for: TestView.self))])
    }

    @Test func acceptsATemplateThatUsesOnlyWhatTheViewHas() throws {
        let page = """
            <h1>{{title}}</h1><p>{{count}}</p>{{{body}}}
            {{#items}}<a href="{{url}}">{{title}}</a>{{^last()}}、{{/last()}}{{/items}}
            {{#summary}}{{title}}{{/summary}}{{^summary}}无{{/summary}}
            {{#flag}}{{title}}{{/flag}}{{summary.url}}
            {{>tree}}
            """
        let tree = "{{#tree}}<ul>{{#items}}<li>{{title}}{{#children}}{{#items}}{{>tree-level}}{{/items}}{{/children}}</li>{{/items}}</ul>{{/tree}}"
        let level = "{{title}}{{#children}}{{#items}}{{>tree-level}}{{/items}}{{/children}}"
        #expect(try problems(page, files: ["partials/tree.mustache": tree, "partials/tree-level.mustache": level]).isEmpty)
    }

    @Test func reportsAnUnknownNameWithTemplateAndLine() throws {
        let found = try problems("<h1>{{title}}</h1>\n<p>{{autor}}</p>\n")
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.file == "templates/layouts/page.mustache")
        #expect(problem.line == 2)
        #expect(problem.message.contains("autor"))
        #expect(problem.message.contains("title"), "lists the names that exist")
    }

    @Test func looksNamesUpInTheRightContext() throws {
        #expect(try problems("{{#items}}{{url}}{{count}}{{/items}}").isEmpty, "outer names are visible inside a section")
        #expect(try problems("{{url}}").count == 1, "inner names are not visible outside")
        #expect(try problems("{{summary.nothing}}").first?.message.contains("nothing") == true)
    }

    @Test func insistsOnEscapingExceptForHTML() throws {
        #expect(try problems("{{{title}}}").first?.message.contains("{{title}}") == true)
        #expect(try problems("{{body}}").first?.message.contains("{{{body}}}") == true)
        #expect(try problems("{{items}}").first?.message.contains("列表") == true)
    }

    @Test func checksInsidePartialsAndLayoutBlocks() throws {
        let layout = "<main>\n{{$main}}{{/main}}\n</main>\n{{>footer}}"
        let page = "{{<base}}{{$main}}\n{{titel}}{{/main}}{{/base}}"
        let found = try problems(page, files: ["layouts/base.mustache": layout, "partials/footer.mustache": "{{site}}"])
        #expect(found.contains { $0.file == "templates/layouts/page.mustache" && $0.line == 2 && $0.message.contains("titel") })
        #expect(found.contains { $0.file == "templates/partials/footer.mustache" && $0.line == 1 && $0.message.contains("site") })
        #expect(try problems("{{>missing}}").first?.message.contains("missing") == true)
    }

    @Test func rejectsTransformsOutsideLists() throws {
        #expect(try problems("{{#first()}}x{{/first()}}").count == 1)
        #expect(try problems("{{uppercased(title)}}").count == 1)
    }

    /// The set is kept between loads of the same texts (`gongkai serve`): an edit, an error
    /// and a repair are each seen on the next load.
    @Test func aLoadSeesEveryEditSinceTheLastOne() throws {
        let project = try Project(files: [:])
        try FileManager.default.removeItem(at: project.templates)
        try project.write("templates/layouts/page.mustache", "<h1>{{title}}</h1>{{>footer}}")
        try project.write("templates/partials/footer.mustache", "<footer>一</footer>")
        #expect(try TemplateSet.load(from: project.templates).sources["footer"] == "<footer>一</footer>")
        #expect(try TemplateSet.load(from: project.templates).sources["footer"] == "<footer>一</footer>")
        try project.write("templates/partials/footer.mustache", "<footer>二</footer>")
        #expect(try TemplateSet.load(from: project.templates).sources["footer"] == "<footer>二</footer>")
        try project.write("templates/partials/footer.mustache", "<footer>{{#items}}</footer>")
        #expect(throws: DiagnosticError.self) { try TemplateSet.load(from: project.templates) }
        try project.write("templates/partials/footer.mustache", "<footer>二</footer>")
        let repaired = try TemplateSet.load(from: project.templates)
        #expect(repaired.sources == ["page": "<h1>{{title}}</h1>{{>footer}}", "footer": "<footer>二</footer>"])
        try FileManager.default.removeItem(at: project.templates.appendingPathComponent("partials/footer.mustache"))
        #expect(try TemplateSet.load(from: project.templates).sources.keys.sorted() == ["page"], "a removed partial is gone")
    }

    @Test func reportsSyntaxErrorsWithTheFile() throws {
        let project = try Project(files: [:])
        try project.write("templates/layouts/page.mustache", "<p>\n{{#items}}\n</p>\n")
        #expect(throws: DiagnosticError.self) { try TemplateSet.load(from: project.templates) }
        do {
            _ = try TemplateSet.load(from: project.templates)
        } catch let error as DiagnosticError {
            #expect(error.errors.first?.file == "templates/layouts/page.mustache")
        }
    }
}

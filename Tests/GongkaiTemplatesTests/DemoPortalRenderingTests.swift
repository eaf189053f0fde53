import Foundation
import GongkaiTestSupport
import Testing

@testable import GongkaiSite

/// Every page of the repository's demo portal, rendered by the compiled templates and by
/// swift-mustache from the same view: the same bytes, page by page.
@Suite struct DemoPortalRenderingTests {
    @Test func everyPageRendersAsSwiftMustacheRendersIt() throws {
        let project = try Project()
        let plan = try SiteBuilder.prepare(project.options()).plan
        var compared = 0
        for page in plan.pages {
            let template = plan.template(of: page)
            let view = plan.view(of: page).view
            let compiled = Array(plan.templates.render(view, template: template).utf8)
            let oracle = Array(plan.templates.mustacheRender(view, template: template).utf8)
            guard compiled == oracle else {
                let offset = zip(compiled, oracle).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(compiled.count, oracle.count)
                let near = { (bytes: [UInt8]) in String(decoding: bytes[max(0, offset - 80)..<min(bytes.count, offset + 80)], as: UTF8.self) }
                Issue.record(
                    "\(plan.path(of: page)) (\(template)) differs at byte \(offset):\ncompiled: \(near(compiled))\nswift-mustache: \(near(oracle))")
                return
            }
            #expect(!compiled.isEmpty, "\(plan.path(of: page))")
            compared += 1
        }
        #expect(compared > 100)
    }
}

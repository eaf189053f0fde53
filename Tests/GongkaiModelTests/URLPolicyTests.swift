import GongkaiModel
import Testing

@Suite struct URLPolicyTests {
    @Test(arguments: ["https://www.gov.cn/", "http://example.gov.cn/a?b=1#c", "mailto:a@example.gov.cn", "tel:0731-88888888", "HTTPS://X.CN/"])
    func allowsWebMailAndPhoneAddresses(_ address: String) {
        #expect(URLPolicy.check(address) == .external)
    }

    @Test(arguments: ["../zcjd/a.md", "/plans/", "附件1.pdf", "#item-3", "a/b.html?x=1", ""])
    func allowsPathsWithinTheSite(_ address: String) {
        #expect(URLPolicy.check(address) == .relative)
    }

    @Test(arguments: [
        "javascript:alert(1)", "javascript://%0aalert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "java\nscript:alert(1)", "\u{1}javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>", "file:///etc/passwd",
        "//evil.example/", "\\\\evil.example\\x", "/\\evil.example", "https:evil.example", "http:/x", "ftp://example.cn/",
    ])
    func refusesEverythingElse(_ address: String) {
        guard case .refused(let reason) = URLPolicy.check(address) else {
            Issue.record("\(address.debugDescription) was allowed")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func encodesPathsForLinks() {
        #expect(URLPolicy.encodePath("zcwj/a#1 ?%\"x.txt") == "zcwj/a%231%20%3F%25%22x.txt")
        #expect(URLPolicy.encodePath("zcwj/附件1.pdf") == "zcwj/附件1.pdf", "Chinese names stay readable")
        #expect(URLPolicy.encodePath("a\u{200B}b") == "a%E2%80%8Bb", "invisible characters are encoded")
    }
}

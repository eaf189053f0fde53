import GongkaiContent
import Testing

@Suite struct YAMLGuardTests {
    @Test(arguments: [
        ("a: &x 1\nb: *x", 1), ("a: 1\nb: [*x]", 2), ("- &x a", 1), ("a: {b: &x c}", 1), ("a:\n  - !!str &x a", 2), ("? &k a\n: b", 1),
    ])
    func findsAnchorsAndAliases(_ text: String, _ line: Int) {
        #expect(YAMLGuard.check(text)?.line == line, "\(text)")
    }

    @Test(arguments: [
        "标题: R&D 与 A*B", "标题: \"&x 引号里\"", "标题: '*x 引号里'", "说明: |\n  &x 块里的文字\n  *y\n下一个: 值", "a: 1 # &x 注释",
        "标题: 第一\n  行 *不是引用", "列表: [a, 'b, &c', \"d\"]", "网址: https://x.cn/a&b=*c",
    ])
    func leavesTextThatOnlyLooksLikeThemAlone(_ text: String) {
        #expect(YAMLGuard.check(text) == nil, "\(text)")
    }

    @Test func refusesDeepNesting() {
        #expect(YAMLGuard.check("a: " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65)) == .tooDeep(line: 1))
        #expect(YAMLGuard.check("a: " + String(repeating: "- ", count: 70) + "x")?.line == 1)
        #expect(YAMLGuard.check("a: " + String(repeating: "[", count: 10) + String(repeating: "]", count: 10)) == nil)
    }
}

/// Renders compiled templates over a `ViewValue` tree into UTF-8 bytes, the way swift-mustache
/// 2.1.1 renders its tokens over the dictionaries it was given (which the tests check, page by
/// page, on the demo portal), without a dynamic cast per name:
/// - a name is looked up from the top of the context stack down; a field that is present but
///   `.null` stops the lookup; in a text or HTML value only `text` / `markup` is found;
/// - a section over a list renders once per item (each item a fresh frame, so a partial's
///   indentation goes only before the first line of the list's output and where an item's own
///   tokens start a line), over `true` once, over a missing value, `.null`, `false`, an empty
///   list or empty HTML never, over anything else (empty text, 0) once with it on the stack; an
///   inverted section over an empty list has that list on the stack;
/// - a partial's indentation (`  {{>x}}` alone on a line) goes before every token that starts a
///   line of the partial's output, except the first;
/// - a block is filled by the outermost template that fills it.
struct TemplateRenderer {
    let program: CompiledTemplates
    private(set) var output: [UInt8] = []
    private var stack: [ViewValue]

    init(program: CompiledTemplates, root: ViewValue) {
        self.program = program
        stack = [root]
        output.reserveCapacity(32 * 1024)
    }

    /// What a template is rendered with besides the stack.
    struct Context {
        var indentation: [UInt8]?
        var blocks: [Int: [CompiledNode]]?
        /// Index in, and whether last of, the list whose item is on top of the stack.
        var position: (index: Int, last: Bool)?
        var escapes = true
    }

    mutating func render(_ nodes: [CompiledNode], _ context: Context) {
        var context = context
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, &context) }
            return
        }
        let start = output.count
        for node in nodes {
            let before = output.count
            let atLineStart =
                before > start && output[before - 1] == UInt8(ascii: "\n")
                && !(before - 2 >= start && output[before - 2] == UInt8(ascii: "\r"))
            render(node, &context)
            if atLineStart && output.count > before { output.insert(contentsOf: indentation, at: before) }
        }
    }

    private mutating func render(_ node: CompiledNode, _ context: inout Context) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let path, let escaped):
            guard let value = resolve(path, context) else { return }
            write(value, escaped: escaped && context.escapes)
        case .section(let path, let inverted, let body):
            let value = resolve(path, context)
            if inverted {
                invertedSection(value, body, context)
            } else {
                section(value, body, context)
            }
        case .partial(let template, let indentation, let blocks):
            guard let template else { return }
            var inner = Context(indentation: Self.indent(context.indentation, indentation), blocks: context.blocks)
            if let blocks {
                // The blocks already being filled, by a template further out, win.
                inner.blocks = context.blocks.map { $0.merging(blocks) { outer, _ in outer } } ?? blocks
            }
            render(program.templates[template], inner)
        case .block(let name, let fallback, let indentation):
            let inner = Context(
                indentation: Self.indent(context.indentation, indentation), blocks: context.blocks, escapes: context.escapes)
            render(context.blocks?[name] ?? fallback, inner)
        case .escaping(let escapes):
            context.escapes = escapes
        }
    }

    private static func indent(_ outer: [UInt8]?, _ own: [UInt8]?) -> [UInt8]? {
        guard let own else { return outer }
        return (outer ?? []) + own
    }

    private mutating func section(_ value: ViewValue?, _ body: [CompiledNode], _ context: Context) {
        switch value {
        case .none, .null?: return
        case .list(let list)?:
            let count = list.items.count
            var inner = context
            for (index, item) in list.items.enumerated() {
                inner.position = (index, index == count - 1)
                stack.append(item)
                render(body, inner)
                stack.removeLast()
            }
        case .bool(let flag)?:
            if flag { render(body, context) }
        case .html(let markup)? where markup.isEmpty:
            return
        case let value?:
            var inner = context
            inner.position = nil
            stack.append(value)
            render(body, inner)
            stack.removeLast()
        }
    }

    private mutating func invertedSection(_ value: ViewValue?, _ body: [CompiledNode], _ context: Context) {
        switch value {
        case .none, .null?:
            render(body, context)
        case .list(let list)?:
            guard list.items.isEmpty else { return }
            var inner = context
            inner.position = nil
            stack.append(.list(list))
            render(body, inner)
            stack.removeLast()
        case .bool(let flag)?:
            if !flag { render(body, context) }
        case .html(let markup)? where markup.isEmpty:
            render(body, context)
        case .some:
            return
        }
    }

    private func resolve(_ path: NamePath, _ context: Context) -> ViewValue? {
        let found: ViewValue?
        switch path {
        case .current:
            found = stack[stack.count - 1]
        case .unsupported:
            return nil
        case .position(let position):
            guard let (index, last) = context.position else { return nil }
            switch position {
            case .first: return .bool(index == 0)
            case .last: return .bool(last)
            case .index: return .int(index)
            case .even: return .bool(index & 1 == 0)
            case .odd: return .bool(index & 1 == 1)
            }
        case .anchored(let ids):
            found = follow(ids[...], from: stack[stack.count - 1])
        case .climbing(let ids):
            guard let first = ids.first else {
                found = stack[stack.count - 1]
                break
            }
            var level = stack.count - 1
            var hit: ViewValue?
            while level >= 0 {
                if let child = child(first, of: stack[level]) {
                    hit = follow(ids.dropFirst(), from: child)
                    break
                }
                level -= 1
            }
            found = hit
        }
        if case .null? = found { return nil }
        return found
    }

    private func follow(_ ids: ArraySlice<Int>, from value: ViewValue) -> ViewValue? {
        var value = value
        for id in ids {
            guard let child = child(id, of: value) else { return nil }
            value = child
        }
        return value
    }

    @inline(__always)
    private func child(_ id: Int, of value: ViewValue) -> ViewValue? {
        switch value {
        case .object(let object): return object.field(id)
        case .text(let text): return id == program.names.text ? .string(text) : nil
        case .html(let markup): return id == program.names.markup ? .string(markup) : nil
        default: return nil
        }
    }

    private mutating func write(_ value: ViewValue, escaped: Bool) {
        switch value {
        case .text(let text), .string(let text), .html(let text):
            if escaped {
                HTMLEscaping.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .double(let number): output.append(contentsOf: String(describing: number).utf8)
        // Objects and lists have no text (the validator lets no template print one).
        case .null, .object, .list: return
        }
    }
}

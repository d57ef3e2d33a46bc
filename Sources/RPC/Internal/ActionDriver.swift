/// What the two connection handlers share in driving their machine: the machine appends actions
/// to ``actions``; the handler performs them in order, and what performing one leads back into
/// the machine adds (a delivered message's credit, a close that ends the channel at once) is
/// performed by the same loop, never by a nested one.
///
/// So a handler's machine, actions and output are never accessed while another access to them
/// is open: the machine is plain data that calls nothing back, and everything it asks for is
/// done after it returns, on the handler's one event loop. The handlers mark the three
/// `@exclusivity(unchecked)`: the runtime's check of each access (16 a call on the server, a
/// lock-free but thread-local set insertion each) had nothing to catch and cost about 4% of
/// the server's CPU (BENCHMARKS.md, "CPU per call").
protocol ActionDriver: BatchedFrameWriter {
    associatedtype Action
    var actions: [Action] { get set }
    var performing: Bool { get set }
    /// One action of the machine, as this side carries it out.
    func perform(_ action: Action)
}

extension ActionDriver {
    /// Performs the actions waiting, in order, and those they add.
    func performActions() {
        guard !performing else { return }
        performing = true
        var index = 0
        while index < actions.count {
            let action = actions[index]
            index += 1
            perform(action)
        }
        actions.removeAll(keepingCapacity: true)
        performing = false
    }

    /// Performs what the machine asked for, then sees that its frames go out.
    func afterEvent() {
        performActions()
        if output.buffer.readableBytes > 0 { scheduleFlush() }
    }
}

/// What the two connection handlers share in driving their machine: the machine appends actions
/// to ``actions``; the handler performs them in order, and what performing one leads back into
/// the machine adds (a delivered message's credit, a close that ends the channel at once) is
/// performed by the same loop, never by a nested one.
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

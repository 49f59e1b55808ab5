/// Sizes, counts and indices that come from a notebook can be anything up to `Int.max`, so the
/// engine multiplies and adds them only through these helpers, never with a plain `*` or `+`
/// that would trap on overflow.
enum Checked {
    /// The product of `factors`, or nil when it does not fit in an Int.
    static func product<S: Sequence<Int>>(_ factors: S) -> Int? {
        var result = 1
        for factor in factors {
            let (next, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = next
        }
        return result
    }

    /// The sum of `terms`, or nil when it does not fit in an Int.
    static func sum(_ terms: Int...) -> Int? {
        var result = 0
        for term in terms {
            let (next, overflow) = result.addingReportingOverflow(term)
            if overflow { return nil }
            result = next
        }
        return result
    }
}

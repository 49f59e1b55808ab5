import Testing
@testable import LabbookEngine

/// Printing a tensor gives what NumPy prints for the same float32 (or integer) array with
/// `np.set_printoptions(linewidth=200)` and the other defaults (threshold 1000, edgeitems 3,
/// precision 8, floatmode "maxprec"). Every expected string below was produced by NumPy 2.4
/// (`str(array)`) from the array named in the case and pasted in unchanged.
@Suite struct TensorPrintingTests {
    struct PrintCase: CustomTestStringConvertible, Sendable {
        let name: String
        let make: @Sendable () throws -> Tensor
        let expected: String
        var testDescription: String { name }
    }

    /// `np.arange(n, dtype=...).reshape(shape)`, optionally transformed element-wise in float32.
    static func arange(_ n: Int, shape: [Int], dtype: DType = .float32, _ f: (Float) -> Float = { $0 }) throws -> Tensor {
        try Tensor((0..<n).map { f(Float($0)) }, shape: shape, dtype: dtype)
    }

    /// A 28×28 uint8 image like Fashion-MNIST's: zeros around a block where
    /// img[r, c] = (r·37 + c·11) % 256 for r in 6..<22, c in 8..<20.
    static func image() -> Tensor {
        var values = [Float](repeating: 0, count: 28 * 28)
        for r in 6..<22 {
            for c in 8..<20 { values[r * 28 + c] = Float((r * 37 + c * 11) % 256) }
        }
        return try! Tensor(values, shape: [28, 28], dtype: .uint8)
    }

    static let cases: [PrintCase] = [
        PrintCase(name: "uint8 image 28×28", make: { image() }, expected: """
            [[  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0  54  65  76  87  98 109 120 131 142 153 164 175   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0  91 102 113 124 135 146 157 168 179 190 201 212   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0 128 139 150 161 172 183 194 205 216 227 238 249   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0 165 176 187 198 209 220 231 242 253   8  19  30   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0 202 213 224 235 246   1  12  23  34  45  56  67   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0 239 250   5  16  27  38  49  60  71  82  93 104   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0  20  31  42  53  64  75  86  97 108 119 130 141   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0  57  68  79  90 101 112 123 134 145 156 167 178   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0  94 105 116 127 138 149 160 171 182 193 204 215   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0 131 142 153 164 175 186 197 208 219 230 241 252   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0 168 179 190 201 212 223 234 245   0  11  22  33   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0 205 216 227 238 249   4  15  26  37  48  59  70   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0 242 253   8  19  30  41  52  63  74  85  96 107   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0  23  34  45  56  67  78  89 100 111 122 133 144   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0  60  71  82  93 104 115 126 137 148 159 170 181   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0  97 108 119 130 141 152 163 174 185 196 207 218   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]
             [  0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0   0]]
            """),
        PrintCase(name: "floats with mixed digit counts", make: { try Tensor([0.5, 0.25]) }, expected: """
            [0.5  0.25]
            """),
        PrintCase(name: "whole floats", make: { try Tensor([1, 2]) }, expected: """
            [1. 2.]
            """),
        PrintCase(name: "tenths", make: { try Tensor([0.1, 0.2, 0.3]) }, expected: """
            [0.1 0.2 0.3]
            """),
        PrintCase(name: "thirds rounded to 8 digits", make: { try Tensor([1.0 / 3, 2.0 / 3]) }, expected: """
            [0.33333334 0.6666667 ]
            """),
        PrintCase(name: "negative and mixed", make: { try Tensor([-1.5, 2, 0.125, -3]) }, expected: """
            [-1.5    2.     0.125 -3.   ]
            """),
        PrintCase(name: "softmax probabilities (scientific)", make: { try Tensor([2.0311670e-04, 5.0848757e-05, 9.9974608e-01, 1.2e-07]) }, expected: """
            [2.0311670e-04 5.0848757e-05 9.9974608e-01 1.2000000e-07]
            """),
        PrintCase(name: "small values below 1e-4", make: { try Tensor([1e-5, 2e-5]) }, expected: """
            [1.e-05 2.e-05]
            """),
        PrintCase(name: "large values", make: { try Tensor([1e8, 1]) }, expected: """
            [1.e+08 1.e+00]
            """),
        PrintCase(name: "nan and inf", make: { try Tensor([.nan, 1.5, .infinity, -.infinity]) }, expected: """
            [ nan  1.5  inf -inf]
            """),
        PrintCase(name: "zeros", make: { try Tensor(zeros: [3]) }, expected: """
            [0. 0. 0.]
            """),
        PrintCase(name: "int32 with negatives", make: { try Tensor([-1, 10, 200], dtype: .int32) }, expected: """
            [ -1  10 200]
            """),
        PrintCase(name: "3-D float tensor", make: { try arange(24, shape: [2, 3, 4]) { $0 / 4 } }, expected: """
            [[[0.   0.25 0.5  0.75]
              [1.   1.25 1.5  1.75]
              [2.   2.25 2.5  2.75]]

             [[3.   3.25 3.5  3.75]
              [4.   4.25 4.5  4.75]
              [5.   5.25 5.5  5.75]]]
            """),
        PrintCase(name: "over 1000 elements, 1-D", make: { try arange(2000, shape: [2000]) }, expected: """
            [0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]
            """),
        PrintCase(name: "over 1000 elements, 2-D", make: { try arange(2000, shape: [40, 50]) { $0 / 8 } }, expected: """
            [[0.00000e+00 1.25000e-01 2.50000e-01 ... 5.87500e+00 6.00000e+00 6.12500e+00]
             [6.25000e+00 6.37500e+00 6.50000e+00 ... 1.21250e+01 1.22500e+01 1.23750e+01]
             [1.25000e+01 1.26250e+01 1.27500e+01 ... 1.83750e+01 1.85000e+01 1.86250e+01]
             ...
             [2.31250e+02 2.31375e+02 2.31500e+02 ... 2.37125e+02 2.37250e+02 2.37375e+02]
             [2.37500e+02 2.37625e+02 2.37750e+02 ... 2.43375e+02 2.43500e+02 2.43625e+02]
             [2.43750e+02 2.43875e+02 2.44000e+02 ... 2.49625e+02 2.49750e+02 2.49875e+02]]
            """),
        PrintCase(name: "over 1000 elements, 3-D integers", make: { try arange(1200, shape: [10, 12, 10], dtype: .int32) }, expected: """
            [[[   0    1    2 ...    7    8    9]
              [  10   11   12 ...   17   18   19]
              [  20   21   22 ...   27   28   29]
              ...
              [  90   91   92 ...   97   98   99]
              [ 100  101  102 ...  107  108  109]
              [ 110  111  112 ...  117  118  119]]

             [[ 120  121  122 ...  127  128  129]
              [ 130  131  132 ...  137  138  139]
              [ 140  141  142 ...  147  148  149]
              ...
              [ 210  211  212 ...  217  218  219]
              [ 220  221  222 ...  227  228  229]
              [ 230  231  232 ...  237  238  239]]

             [[ 240  241  242 ...  247  248  249]
              [ 250  251  252 ...  257  258  259]
              [ 260  261  262 ...  267  268  269]
              ...
              [ 330  331  332 ...  337  338  339]
              [ 340  341  342 ...  347  348  349]
              [ 350  351  352 ...  357  358  359]]

             ...

             [[ 840  841  842 ...  847  848  849]
              [ 850  851  852 ...  857  858  859]
              [ 860  861  862 ...  867  868  869]
              ...
              [ 930  931  932 ...  937  938  939]
              [ 940  941  942 ...  947  948  949]
              [ 950  951  952 ...  957  958  959]]

             [[ 960  961  962 ...  967  968  969]
              [ 970  971  972 ...  977  978  979]
              [ 980  981  982 ...  987  988  989]
              ...
              [1050 1051 1052 ... 1057 1058 1059]
              [1060 1061 1062 ... 1067 1068 1069]
              [1070 1071 1072 ... 1077 1078 1079]]

             [[1080 1081 1082 ... 1087 1088 1089]
              [1090 1091 1092 ... 1097 1098 1099]
              [1100 1101 1102 ... 1107 1108 1109]
              ...
              [1170 1171 1172 ... 1177 1178 1179]
              [1180 1181 1182 ... 1187 1188 1189]
              [1190 1191 1192 ... 1197 1198 1199]]]
            """),
        PrintCase(name: "long row wraps at 200 columns", make: { try arange(60, shape: [60]) { $0 / 7 } }, expected: """
            [0.         0.14285715 0.2857143  0.42857143 0.5714286  0.71428573 0.85714287 1.         1.1428572  1.2857143  1.4285715  1.5714285  1.7142857  1.8571428  2.         2.142857   2.2857144  2.4285715
             2.5714285  2.7142856  2.857143   3.         3.142857   3.2857144  3.4285715  3.5714285  3.7142856  3.857143   4.         4.142857   4.285714   4.428571   4.571429   4.714286   4.857143   5.
             5.142857   5.285714   5.428571   5.571429   5.714286   5.857143   6.         6.142857   6.285714   6.428571   6.571429   6.714286   6.857143   7.         7.142857   7.285714   7.428571   7.571429
             7.714286   7.857143   8.         8.142858   8.285714   8.428572  ]
            """),
        PrintCase(name: "long 2-D rows wrap with indentation", make: { try arange(80, shape: [2, 40]) { $0 * 1.25 } }, expected: """
            [[ 0.    1.25  2.5   3.75  5.    6.25  7.5   8.75 10.   11.25 12.5  13.75 15.   16.25 17.5  18.75 20.   21.25 22.5  23.75 25.   26.25 27.5  28.75 30.   31.25 32.5  33.75 35.   36.25 37.5  38.75
              40.   41.25 42.5  43.75 45.   46.25 47.5  48.75]
             [50.   51.25 52.5  53.75 55.   56.25 57.5  58.75 60.   61.25 62.5  63.75 65.   66.25 67.5  68.75 70.   71.25 72.5  73.75 75.   76.25 77.5  78.75 80.   81.25 82.5  83.75 85.   86.25 87.5  88.75
              90.   91.25 92.5  93.75 95.   96.25 97.5  98.75]]
            """),
        PrintCase(name: "scalar", make: { Tensor(scalar: 2.5) }, expected: """
            2.5
            """),
        PrintCase(name: "empty", make: { try Tensor(zeros: [0]) }, expected: """
            []
            """),
        PrintCase(name: "2-D mixed", make: { try Tensor([0.5, 1, 2.25, -3], shape: [2, 2]) }, expected: """
            [[ 0.5   1.  ]
             [ 2.25 -3.  ]]
            """),
        PrintCase(name: "a column", make: { try Tensor([1.5, -2, 10], shape: [3, 1]) }, expected: """
            [[ 1.5]
             [-2. ]
             [10. ]]
            """),
        PrintCase(name: "uint8 labels", make: { try Tensor([9, 0, 0, 3, 0, 2, 7, 2, 5, 5], dtype: .uint8) }, expected: """
            [9 0 0 3 0 2 7 2 5 5]
            """),
        PrintCase(name: "weights of a trained layer", make: { try Tensor([-0.0123, 0.5, 0.0371, -1.25e-3]) }, expected: """
            [-0.0123   0.5      0.0371  -0.00125]
            """),
        PrintCase(name: "values needing 5 digits", make: { try Tensor([12345.678, 0.5]) }, expected: """
            [1.2345678e+04 5.0000000e-01]
            """),
        PrintCase(name: "float32 switches to scientific from 1e6", make: { try Tensor([1e6, 2e5]) }, expected: """
            [1.e+06 2.e+05]
            """),
        PrintCase(name: "under 1e6 stays positional", make: { try Tensor([999999, 2e5]) }, expected: """
            [999999. 200000.]
            """),
        PrintCase(name: "scientific with signs", make: { try Tensor([-1e-5, 2e-5]) }, expected: """
            [-1.e-05  2.e-05]
            """),
        PrintCase(name: "scientific mantissas zero-padded", make: { try Tensor([1.5e-5, 1e-5]) }, expected: """
            [1.5e-05 1.0e-05]
            """),
        PrintCase(name: "scientific with nan", make: { try Tensor([.nan, 1e-5]) }, expected: """
            [   nan 1.e-05]
            """),
        PrintCase(name: "scientific with -inf", make: { try Tensor([-.infinity, 1e-5, -2.5e-6]) }, expected: """
            [    -inf  1.0e-05 -2.5e-06]
            """),
        PrintCase(name: "negative zero", make: { try Tensor([-0.0, 1.5]) }, expected: """
            [-0.   1.5]
            """),
        PrintCase(name: "only nan", make: { try Tensor([.nan, .nan]) }, expected: """
            [nan nan]
            """),
        PrintCase(name: "tiny and huge", make: { try Tensor([1e30, -1e-30]) }, expected: """
            [ 1.e+30 -1.e-30]
            """),
        PrintCase(name: "scalar 1.0", make: { Tensor(scalar: 1) }, expected: """
            1.0
            """),
        PrintCase(name: "scalar 1e-5", make: { Tensor(scalar: 1e-5) }, expected: """
            1e-05
            """),
        PrintCase(name: "scalar 1.234567e+06", make: { Tensor(scalar: 1234567) }, expected: """
            1.234567e+06
            """),
        PrintCase(name: "scalar 0.00012", make: { Tensor(scalar: 0.00012) }, expected: """
            0.00012
            """),
        PrintCase(name: "scalar 999999.0", make: { Tensor(scalar: 999999) }, expected: """
            999999.0
            """),
        PrintCase(name: "scalar third", make: { Tensor(scalar: 1.0 / 3) }, expected: """
            0.33333334
            """),
        PrintCase(name: "scalar 3.4e+38", make: { Tensor(scalar: 3.4e38) }, expected: """
            3.4e+38
            """),
        PrintCase(name: "scalar int32", make: { Tensor(scalar: -3, dtype: .int32) }, expected: """
            -3
            """),
        PrintCase(name: "2-D rows wrap one column earlier per nesting level", make: { try arange(80, shape: [2, 40]) { $0 + 100.5 } }, expected: """
            [[100.5 101.5 102.5 103.5 104.5 105.5 106.5 107.5 108.5 109.5 110.5 111.5 112.5 113.5 114.5 115.5 116.5 117.5 118.5 119.5 120.5 121.5 122.5 123.5 124.5 125.5 126.5 127.5 128.5 129.5 130.5 131.5
              132.5 133.5 134.5 135.5 136.5 137.5 138.5 139.5]
             [140.5 141.5 142.5 143.5 144.5 145.5 146.5 147.5 148.5 149.5 150.5 151.5 152.5 153.5 154.5 155.5 156.5 157.5 158.5 159.5 160.5 161.5 162.5 163.5 164.5 165.5 166.5 167.5 168.5 169.5 170.5 171.5
              172.5 173.5 174.5 175.5 176.5 177.5 178.5 179.5]]
            """),
        PrintCase(name: "summarized wide rows", make: { try arange(3000, shape: [3, 1000]) { $0 / 4 } }, expected: """
            [[0.0000e+00 2.5000e-01 5.0000e-01 ... 2.4925e+02 2.4950e+02 2.4975e+02]
             [2.5000e+02 2.5025e+02 2.5050e+02 ... 4.9925e+02 4.9950e+02 4.9975e+02]
             [5.0000e+02 5.0025e+02 5.0050e+02 ... 7.4925e+02 7.4950e+02 7.4975e+02]]
            """),

    ]

    @Test(arguments: cases)
    func printsAsNumPy(_ c: PrintCase) throws {
        let printed = try c.make().description
        #expect(printed == c.expected)
    }
}

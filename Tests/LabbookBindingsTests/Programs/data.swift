let ((trainImages, trainLabels), (testImages, testLabels)) = FashionMNIST.loadData()
print(trainImages.shape, trainLabels.shape, testImages.shape, testLabels.shape)
// expect: [60000, 28, 28] [60000] [10000, 28, 28] [10000]
print(trainImages.dtype, trainLabels[0], trainLabels[1], testLabels[0])
// expect: uint8 9 0 9
print(FashionMNIST.classNames[trainLabels[0]], FashionMNIST.classNames.count)
// expect: Ankle boot 10
print(trainImages.max(), (trainImages / 255.0).max())
// expect: 255 1.0
show(trainImages[0], title: FashionMNIST.classNames[trainLabels[0]])
// expect: <figure image 28×28 "Ankle boot">
showGrid(trainImages[0..<10], labels: ["a", "b"], columns: 5)
// expect: <figure grid of 10>
print(MNIST.classNames[3])
// expect: 3

//| label: q1-fit
//| timeout: 30
print("options are comments to the code")  // expect: options are comments to the code

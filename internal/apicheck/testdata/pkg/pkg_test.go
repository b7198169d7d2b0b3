package pkg

func ExampleWithExample() {}

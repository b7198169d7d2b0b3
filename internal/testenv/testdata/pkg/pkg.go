package pkg

// Documented has every field documented.
type Documented struct {
	A int // line comment
	// B has a doc comment.
	B    int
	priv int
}

// Bare has an undocumented exported field.
type Bare struct {
	C, D int
	e    int
}

// WithExample has an Example.
func WithExample() {}

// WithoutExample has none.
func WithoutExample() {}

func unexported() {}

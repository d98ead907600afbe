package types

func Mismatch() int {
	return "not an int"
}

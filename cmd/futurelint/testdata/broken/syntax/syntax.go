package syntax

func Broken( {
}

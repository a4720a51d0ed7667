module walkoracle

go 1.19

require (
	github.com/yuin/goldmark v1.5.6
	golang.org/x/net v0.23.0
)

// Point these at local checkouts (goldmark at v1.5.6, x/net at v0.23.0, the versions Vale 3.7 builds
// with); x/net's checkout needs only its html folder and a go.mod of `module golang.org/x/net`.
replace github.com/yuin/goldmark => ../../../../goldmark

replace golang.org/x/net => ../../../../net

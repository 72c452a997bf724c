# ltemodem — the commands a newcomer needs. Everything goes through Maven; nothing is downloaded by hand.
MVN   ?= mvn -B -ntp
JAVA  ?= java
JAR   := target/ltemodem.jar

.PHONY: build run test bench clean

build: $(JAR)

$(JAR): pom.xml $(shell find src/main -type f 2>/dev/null)
	$(MVN) -q -DskipTests package

# The daemon against the built-in simulated modem: reaches online, then recovers from an injected fault.
run: build
	$(JAVA) -jar $(JAR) demo

# The whole suite (JUnit on real ptys, plus the shell and node suites when present).
test:
	$(MVN) test

# Figures, not assertions.
bench: build
	$(MVN) -q test -Dgroups=bench -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false

clean:
	$(MVN) -q clean

# ltemodem — the commands a newcomer needs. Everything goes through Maven; nothing is downloaded by hand.
MVN   ?= mvn -B -ntp
JAVA  ?= java
JAR   := target/ltemodem.jar
# What the .ipk ships: no natives (ltemodem-jre brings musl builds), no simulator. Built by the same `mvn package`.
ROUTER_JAR := target/ltemodem-router.jar

.PHONY: build run test soak bench clean package package-jre test-shell test-js uci-reference

build: $(JAR)

$(JAR): pom.xml $(shell find src/main -type f 2>/dev/null)
	$(MVN) -q -DskipTests package

$(ROUTER_JAR): $(JAR)
	@[ -f $@ ] || $(MVN) -q -DskipTests package

# The daemon against the built-in simulated modem: reaches online, then recovers from an injected fault.
run: build
	$(JAVA) -jar $(JAR) demo

# The whole suite (JUnit on real ptys, the fault matrix and the fuzz, plus the shell and node suites), then the scan
# of everything they printed for the suite's secrets (the daemon logs at debug level in the JUnit run).
TEST_LOGS := target/test-logs
test:
	$(MVN) test
	@# What did not run, and why (the classes' output is in target/surefire-reports/*-output.txt).
	@cat target/surefire-reports/*-output.txt 2>/dev/null | grep -h '^SKIPPED' | sort -u || true
	$(MAKE) --no-print-directory test-shell test-js
	sh src/test/shell/secrets-scan.sh target/surefire-reports $(TEST_LOGS)

# Runs $(1), its output shown and kept in $(TEST_LOGS)/$(2).log, failing as $(1) fails.
define logged
	@mkdir -p $(TEST_LOGS)
	@{ $(1); echo $$? > $(TEST_LOGS)/$(2).rc; } 2>&1 | tee $(TEST_LOGS)/$(2).log
	@exit $$(cat $(TEST_LOGS)/$(2).rc)
endef

# OpenWrt integration: shellcheck + the proto handler, init, hotplug and package tests under busybox ash.
test-shell:
	$(call logged,sh src/test/shell/run.sh,shell)

# The LuCI protocol page against a stand-in for LuCI, and the files generated from options.json.
test-js:
	$(call logged,node --test src/test/js/,js)

# .ipk files for ltemodem and luci-proto-ltemodem in $(IPK_DIR), built by the real package Makefiles in
# openwrt-package/ through a stand-in for the OpenWrt SDK (openwrt-package/sdk-stub), so no SDK is needed.
IPK_DIR     := target/ipk
IPK_VERSION := $(patsubst %-SNAPSHOT,%,$(shell sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n1))
OPENWRT_PKGS := ltemodem luci-proto-ltemodem

package: $(ROUTER_JAR)
	rm -rf $(IPK_DIR)
	set -e; for p in $(OPENWRT_PKGS); do \
		$(MAKE) --no-print-directory -C openwrt-package/$$p stub-package \
			TOPDIR=$(CURDIR)/openwrt-package/sdk-stub STUB_OUT=$(abspath $(IPK_DIR)) \
			STUB_LUCI_VERSION=$(IPK_VERSION) LTEMODEM_JAR=$(CURDIR)/$(ROUTER_JAR) \
			SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 0); \
	done
	@ls -l $(IPK_DIR)/*.ipk

# The runtime package, from a jlink image and the musl natives made for the target (README-openwrt.md):
#   make package-jre LTEMODEM_JRE_DIR=/path/to/rt LTEMODEM_NATIVE_DIR=/path/to/natives STUB_ARCH=aarch64_cortex-a53
STUB_ARCH ?= x86_64
package-jre:
	$(MAKE) --no-print-directory -C openwrt-package/ltemodem-jre stub-package \
		TOPDIR=$(CURDIR)/openwrt-package/sdk-stub STUB_OUT=$(abspath $(IPK_DIR)) STUB_ARCH=$(STUB_ARCH) \
		LTEMODEM_JRE_DIR=$(LTEMODEM_JRE_DIR) LTEMODEM_NATIVE_DIR=$(LTEMODEM_NATIVE_DIR) \
		SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 0)

# Rewrites files/etc/config/ltemodem and the UCI reference in openwrt-package/README-openwrt.md from options.json.
uci-reference:
	node openwrt-package/tools/uci-reference.js write

# Random faults, seeded, against an online modem over AT and QMI for a bounded time (4 minutes by default), with
# invariants watched throughout; ends with a summary (target/soak-summary.txt). SOAK_SECONDS=600 SOAK_SEED=7 make soak
SOAK_SECONDS ?= 240
SOAK_SEED    ?= 1
soak:
	$(MVN) -q test -Dgroups=soak -Dltemodem.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
		-Dltemodem.soak.seconds=$(SOAK_SECONDS) -Dltemodem.soak.seed=$(SOAK_SEED) -Dltemodem.testLogLevel=warn
	@cat target/soak-summary.txt

# Figures, not assertions: runs the @Tag("bench") classes (P1-P7 of issue 8, about 6 minutes), prints their tables
# and a summary against the targets, and writes bench/RESULTS.md with the machine and the date. With the OpenWrt
# libraries (LTEMODEM_OPENWRT_PREFIX, default /opt/openwrt when present) status calls go through a private ubusd.
BENCH_OPENWRT := $(or $(LTEMODEM_OPENWRT_PREFIX),$(wildcard /opt/openwrt))
bench: $(JAR) $(ROUTER_JAR)
	rm -rf bench/out
	LTEMODEM_OPENWRT_PREFIX=$(BENCH_OPENWRT) $(MVN) -q test -Dgroups=bench -Dltemodem.excludedGroups=none \
		-Dsurefire.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true -Dltemodem.testLogLevel=info
	@{ echo "| | figure | measured | target | |"; echo "|---|---|---|---|---|"; sort -s -k2,2 bench/out/summary.md; } > bench/out/summary-table.md
	@{ echo "# ltemodem benchmark results"; echo; \
	  echo "Run $$(date -u '+%Y-%m-%d %H:%M UTC') on $$(uname -m), $$(nproc) cores ($$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n1)), $$(awk '/MemTotal/ {printf "%.0f GiB", $$2/1048576}' /proc/meminfo), $$(java -version 2>&1 | head -n1)$(if $(BENCH_OPENWRT),, (no libubus: status calls in-process))."; \
	  echo "Reproduce with \`make bench\`. The JVM flags are the init script's (files/etc/init.d/ltemodem)."; echo; \
	  echo "## Summary"; echo; cat bench/out/summary-table.md; echo; \
	  echo "## Details"; echo; cat bench/out/sections.md; echo; cat bench/footprint-experiments.md; } > bench/RESULTS.md
	@echo; echo "Summary (details in bench/RESULTS.md):"; echo; cat bench/out/summary-table.md

clean:
	$(MVN) -q clean

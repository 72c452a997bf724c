# Stand-in for OpenWrt's include/package.mk (see ../README.md). BuildPackage defines the target `stub-package`,
# which stages Package/<name>/install into $(STUB_STAGE)/<name> and packs <name>_<version>_<arch>.ipk into
# $(STUB_OUT) with ../ipkg-build.sh.

STUB_OUT?=$(CURDIR)/ipk
STUB_STAGE?=$(STUB_OUT)/stage
STUB_ARCH?=x86_64
PKG_BUILD_DIR?=$(STUB_STAGE)/build/$(PKG_NAME)
VERSION=$(PKG_VERSION)-$(PKG_RELEASE)

.PHONY: stub-package FORCE
FORCE: ;

# Depends: as the SDK writes it for a default configuration: libc first, "+SYMBOL:pkg" -> pkg,
# "@condition" dropped.
stub_deps=$(strip libc $(foreach d,$(filter-out @%,$(1)),$(lastword $(subst :,$(space),$(patsubst +%,%,$(d))))))
stub_join=$(subst $(space),$(comma)$(space),$(strip $(1)))

define Package/Default
  SECTION:=
  CATEGORY:=
  SUBMENU:=
  TITLE:=
  DEPENDS:=
  PKGARCH:=$(STUB_ARCH)
  MAINTAINER:=$(PKG_MAINTAINER)
endef

define BuildPackage
$(eval $(Package/Default))
$(eval $(Package/$(1)))
STUB_IPK_$(1):=$(STUB_OUT)/$(1)_$(VERSION)_$(PKGARCH).ipk
STUB_IDIR_$(1):=$(STUB_STAGE)/$(1)

stub-package: $$(STUB_IPK_$(1))

$$(STUB_IPK_$(1)): export STUB_PKG=$(1)
$$(STUB_IPK_$(1)): export STUB_VERSION=$(VERSION)
$$(STUB_IPK_$(1)): export STUB_PKGARCH=$(PKGARCH)
$$(STUB_IPK_$(1)): export STUB_DEPENDS=$(call stub_join,$(call stub_deps,$(DEPENDS)))
$$(STUB_IPK_$(1)): export STUB_SECTION=$(SECTION)
$$(STUB_IPK_$(1)): export STUB_MAINTAINER=$(MAINTAINER)
$$(STUB_IPK_$(1)): export STUB_TITLE=$(TITLE)
$$(STUB_IPK_$(1)): export STUB_DESCRIPTION=$$(Package/$(1)/description)
$$(STUB_IPK_$(1)): export STUB_CONFFILES=$$(Package/$(1)/conffiles)
$$(STUB_IPK_$(1)): export STUB_POSTINST=$$(Package/$(1)/postinst)
$$(STUB_IPK_$(1)): export STUB_PRERM=$$(Package/$(1)/prerm)
$$(STUB_IPK_$(1)): FORCE
	rm -rf $$(STUB_IDIR_$(1)) $$@
	mkdir -p $$(STUB_IDIR_$(1)) $(STUB_OUT)
	$$(Build/Prepare)
	$$(Build/Compile)
	$$(call Package/$(1)/install,$$(STUB_IDIR_$(1)))
	sh $(TOPDIR)/ipkg-build.sh $$(STUB_IDIR_$(1)) $(STUB_OUT)
endef

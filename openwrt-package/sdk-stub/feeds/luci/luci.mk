# Stand-in for the LuCI feed's luci.mk (see ../../README.md): the package is named after its directory;
# htdocs/ is copied to /www and root/ to /, with luci.mk's postinst (drop LuCI's caches, reload rpcd ACLs).

LUCI_NAME?=$(notdir $(CURDIR))
PKG_NAME?=$(LUCI_NAME)
PKG_VERSION?=$(STUB_LUCI_VERSION)
PKG_RELEASE?=1

include $(INCLUDE_DIR)/package.mk

define Package/$(PKG_NAME)
  SECTION:=luci
  CATEGORY:=LuCI
  SUBMENU:=6. Protocols
  TITLE:=$(LUCI_TITLE)
  DEPENDS:=$(LUCI_DEPENDS)
  PKGARCH:=$(if $(LUCI_PKGARCH),$(LUCI_PKGARCH),all)
endef

define Package/$(PKG_NAME)/install
	if [ -d $(CURDIR)/htdocs ]; then $(INSTALL_DIR) $(1)/www; cp -pR $(CURDIR)/htdocs/* $(1)/www/; fi
	if [ -d $(CURDIR)/root ]; then cp -pR $(CURDIR)/root/* $(1)/; fi
endef

define Package/$(PKG_NAME)/postinst
[ -n "$${IPKG_INSTROOT}" ] || {
	rm -f /tmp/luci-indexcache.*
	rm -rf /tmp/luci-modulecache/
	killall -HUP rpcd 2>/dev/null
	exit 0
}
endef

$(eval $(call BuildPackage,$(PKG_NAME)))

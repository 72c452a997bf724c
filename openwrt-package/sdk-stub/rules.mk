# Stand-in for OpenWrt's rules.mk (see README.md): the install macros the package Makefiles use.
INCLUDE_DIR:=$(TOPDIR)/include
INSTALL_DIR:=install -d -m0755
INSTALL_BIN:=install -m0755
INSTALL_DATA:=install -m0644
INSTALL_CONF:=install -m0600
CP:=cp -fpR
LN:=ln -sf
empty:=
space:=$(empty) $(empty)
comma:=,

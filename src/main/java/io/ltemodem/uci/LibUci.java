package io.ltemodem.uci;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/** Exported libuci symbols we call. {@code struct uci_context} stays opaque (its layout changed in 2025). */
public interface LibUci extends Library {
    int UCI_TYPE_STRING = 0;
    int UCI_TYPE_LIST = 1;
    int UCI_LOOKUP_DONE = 1;
    int UCI_LOOKUP_COMPLETE = 2;

    Pointer uci_alloc_context();

    void uci_free_context(Pointer ctx);

    int uci_set_confdir(Pointer ctx, String dir);

    int uci_set_savedir(Pointer ctx, String dir);

    int uci_load(Pointer ctx, String name, PointerByReference pkg);

    int uci_unload(Pointer ctx, Pointer pkg);

    /** Splits {@code str} in place and keeps pointers into it: pass {@link com.sun.jna.Memory} that outlives the ptr. */
    int uci_lookup_ptr(Pointer ctx, Pointer ptr, Pointer str, byte extended);

    /** {@code *dest} is malloc'd: free it. */
    void uci_get_errorstr(Pointer ctx, PointerByReference dest, String prefix);
}

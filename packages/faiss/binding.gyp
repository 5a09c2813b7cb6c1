{
  "variables": {
    "faiss_prefix%": "<!(echo ${FAISS_PREFIX:-/usr})",
    "faiss_gpu%": "<!(echo ${FAISS_GPU:-0})"
  },
  "targets": [
    {
      "target_name": "vecshard_faiss",
      "sources": [
        "native/addon.cc",
        "native/index_wrap.cc",
        "native/faiss_ops.cc",
        "native/promise_worker.cc",
        "native/device_ops.cc",
        "native/faiss_errors.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "<(faiss_prefix)/include"
      ],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-frtti", "-fopenmp", "-O3"],
      "ldflags": ["-fopenmp", "-L<(faiss_prefix)/lib"],
      "libraries": ["-lfaiss", "-lopenblas", "-llapack", "-fopenmp"],
      "conditions": [
        ["faiss_gpu=='1'", {
          "defines": ["VECSHARD_FAISS_GPU"],
          "include_dirs": ["<!(echo ${CUDA_HOME:-/usr/local/cuda})/include"],
          "libraries": ["-lcudart", "-lcublas"],
          "ldflags": ["-L<!(echo ${CUDA_HOME:-/usr/local/cuda})/lib64"]
        }]
      ]
    }
  ]
}
